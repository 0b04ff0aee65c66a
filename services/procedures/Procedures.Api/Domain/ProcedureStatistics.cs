using Platform.Contracts.Procedures;

namespace Procedures.Api.Domain;

public sealed record TimelinessFigures(
    int Received, int ResolvedEarly, int ResolvedOnTime, int ResolvedLate, int InProgressWithinDeadline, int InProgressOverdue,
    int Withdrawn, double OnTimeRate, double AverageWorkingDays, int LateWithoutApology);

public sealed record FieldFigures(string Field, TimelinessFigures Figures);

public sealed record HandlerFigures(string HandlerId, string? HandlerName, TimelinessFigures Figures);

public sealed record ProcedureStatisticsView(
    int Year, int Received, int ResolvedEarly, int ResolvedOnTime, int ResolvedLate, int InProgressWithinDeadline, int InProgressOverdue,
    int Withdrawn, double OnTimeRate, double AverageWorkingDays, int LateWithoutApology,
    IReadOnlyList<FieldFigures> ByField, IReadOnlyList<HandlerFigures> ByHandler);

/// <summary>
/// Timeliness of a year's dossiers. The on-time rate is Decision 766/QĐ-TTg indicator 2.1: (resolved early or on time
/// + in progress within the deadline) ÷ (dossiers received or processed in the period); withdrawn dossiers count in neither.
/// </summary>
public static class ProcedureStatistics
{
    public static ProcedureStatisticsView For(int year, IReadOnlyCollection<Dossier> dossiers, DateOnly today)
    {
        var all = Figures(dossiers, today);
        return new ProcedureStatisticsView(year, all.Received, all.ResolvedEarly, all.ResolvedOnTime, all.ResolvedLate, all.InProgressWithinDeadline,
            all.InProgressOverdue, all.Withdrawn, all.OnTimeRate, all.AverageWorkingDays, all.LateWithoutApology,
            dossiers.GroupBy(d => d.Field).OrderBy(g => g.Key).Select(g => new FieldFigures(g.Key, Figures(g.ToList(), today))).ToList(),
            dossiers.Where(d => d.HandlerId is not null).GroupBy(d => d.HandlerId!).OrderBy(g => g.Key)
                .Select(g => new HandlerFigures(g.Key, g.First().HandlerName, Figures(g.ToList(), today))).ToList());
    }

    public static TimelinessFigures Figures(IReadOnlyCollection<Dossier> dossiers, DateOnly today)
    {
        var counted = dossiers.Where(d => d.Status != DossierStatus.Withdrawn).ToList();
        var resolved = counted.Where(d => d.Timeliness is not null).ToList();
        var open = counted.Where(d => d.Timeliness is null).ToList();
        int early = resolved.Count(d => d.Timeliness == Timeliness.Early), onTime = resolved.Count(d => d.Timeliness == Timeliness.OnTime), late = resolved.Count(d => d.Timeliness == Timeliness.Late);
        var overdue = open.Count(d => d.IsOverdueOn(today));
        var within = open.Count - overdue;
        var rate = counted.Count == 0 ? 1.0 : Math.Round((double)(early + onTime + within) / counted.Count, 4);
        var average = resolved.Count == 0 ? 0 : Math.Round(resolved.Average(d => d.WorkingDaysUsed ?? 0), 2);
        return new TimelinessFigures(counted.Count, early, onTime, late, within, overdue, dossiers.Count - counted.Count, rate, average,
            resolved.Count(d => d.LateWithoutApology));
    }
}
