using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.Calendar;
using Platform.Contracts.Feedback;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;

namespace Awards.Api.Domain;

public static class CampaignYear
{
    /// <summary>The year an instant counts for: its date in Vietnam time.</summary>
    public static int Of(DateTime utc) => VietnamTime.Today(utc).Year;
}

/// <summary>
/// Which events become achievements, with what title. Each id is derived from what produced the achievement, so that a
/// repeated or replayed event never records it twice: never change how an id is made.
/// </summary>
public static class Achievements
{
    /// <summary>A handler's on-time dossier that brings their year's tally (already counted) to a milestone.</summary>
    /// <summary>Whether <see cref="OnTimeMilestone"/> records anything: asked first, so the handler's name is read only then.</summary>
    public static bool ReachesOnTimeMilestone(DossierResolved resolved, StaffYear tally) =>
        resolved.HandlerId is not null && resolved.Timeliness.CountsAsOnTime() && Milestones.Reached(tally.DossiersOnTime, tally.DossiersOnTime, tally.DossiersHandled);

    public static Achievement? OnTimeMilestone(DossierResolved resolved, StaffYear tally, string handlerName)
    {
        if (!ReachesOnTimeMilestone(resolved, tally) || resolved.HandlerId is not { } handler) return null;
        return FromEvent($"dossiers-on-time:{handler}:{tally.Year}:{tally.DossiersOnTime}", tally.Year, AchievementKinds.DossiersOnTime, handler, handlerName,
            $"Giải quyết {tally.DossiersOnTime} hồ sơ đúng hạn trong năm {tally.Year} (tỷ lệ {Percent(tally.DossiersOnTime, tally.DossiersHandled)})",
            nameof(DossierResolved), resolved.DossierId, resolved.ResolvedAt);
    }

    /// <summary>A rating that brings the handler's year (already counted) to a milestone of ratings, enough of them satisfied.</summary>
    public static bool ReachesSatisfactionMilestone(SatisfactionRated rated, StaffYear tally) =>
        rated.HandlerId is not null && Milestones.Reached(tally.Ratings, tally.SatisfiedRatings, tally.Ratings);

    public static Achievement? SatisfactionMilestone(SatisfactionRated rated, StaffYear tally, string handlerName)
    {
        if (!ReachesSatisfactionMilestone(rated, tally) || rated.HandlerId is not { } handler) return null;
        return FromEvent($"high-satisfaction:{handler}:{tally.Year}:{tally.Ratings}", tally.Year, AchievementKinds.HighSatisfaction, handler, handlerName,
            $"{tally.Ratings} lượt đánh giá, {Percent(tally.SatisfiedRatings, tally.Ratings)} người dân hài lòng trong năm {tally.Year}",
            nameof(SatisfactionRated), rated.DossierId, rated.RatedAt);
    }

    /// <summary>An answer in time that brings the commune's year (already counted) to a milestone: the commune's collective achievement.</summary>
    public static Achievement? FeedbackMilestone(FeedbackAnswered answered, CommuneIndicators counted)
    {
        var year = CampaignYear.Of(answered.AnsweredAt);
        var f = counted.For(year);
        if (!answered.InTime || !Milestones.Reached(f.FeedbackAnsweredInTime, f.FeedbackAnsweredInTime, f.FeedbackAnswered)) return null;
        return FromEvent($"feedback-answered:{year}:{f.FeedbackAnsweredInTime}", year, AchievementKinds.FeedbackAnswered, null,
            $"Ủy ban nhân dân {RadioTexts.SpokenName(counted.Name)}",
            $"Trả lời đúng hạn {f.FeedbackAnsweredInTime} phản ánh, kiến nghị trong năm {year} (tỷ lệ {Percent(f.FeedbackAnsweredInTime, f.FeedbackAnswered)})",
            nameof(FeedbackAnswered), answered.FeedbackId, answered.AnsweredAt);
    }

    /// <summary>A completed course, once per person, day and course.</summary>
    public static Achievement Training(TrainingCompleted completed, string name, DateTime recordedAt) =>
        FromEvent($"training:{completed.StaffId}:{completed.CompletedOn:yyyyMMdd}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(completed.Course)))[..10].ToLowerInvariant()}",
            completed.CompletedOn.Year, AchievementKinds.Training, completed.StaffId, name,
            $"Hoàn thành khóa {completed.Course} ({completed.Hours.ToString("0.#", CultureInfo.InvariantCulture)} giờ, {completed.CompletedOn:dd/MM/yyyy})",
            nameof(TrainingCompleted), completed.Course, recordedAt);

    /// <summary>An approved simplification is an initiative (sáng kiến) of each of its authors.</summary>
    public static Achievement Initiative(SimplificationApproved approved, string author, string name) =>
        FromEvent(InitiativeId(approved, author), CampaignYear.Of(approved.ApprovedAt), AchievementKinds.Initiative, author, name,
            $"Sáng kiến {Simplification(approved)} (quyết định {approved.DecisionNo} của {approved.Authority})",
            nameof(SimplificationApproved), approved.ProposalId, approved.ApprovedAt);

    public static string InitiativeId(SimplificationApproved approved, string? author) => $"initiative:{approved.ProposalId}:{author}";

    /// <summary>What a simplification did, as an initiative's title and a thematic nomination's reason tell it.</summary>
    public static string Simplification(SimplificationApproved approved)
    {
        var parts = new List<string>();
        if (approved.NewProcessingDays is { } days && approved.PreviousProcessingDays is { } before) parts.Add($"rút ngắn thời gian từ {before} xuống {days} ngày làm việc");
        if (approved.RemovedComponents.Count > 0) parts.Add($"bỏ {approved.RemovedComponents.Count} thành phần hồ sơ");
        return $"đơn giản hóa thủ tục {approved.ProcedureName}" + (parts.Count > 0 ? $" ({string.Join(", ", parts)})" : "");
    }

    public static string Percent(int part, int whole) => ((double)part / whole).ToString("P0", CultureInfo.GetCultureInfo("vi-VN"));

    private static Achievement FromEvent(string id, int year, string kind, string? staffId, string name, string title, string @event, string? reference, DateTime at) => new()
    {
        Id = id, Year = year, Kind = kind, Collective = staffId is null, StaffId = staffId, Name = name, Title = title,
        Source = new AchievementSource("event", @event, reference, null, null), RecordedAt = at,
    };
}
