using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Awards.Api.Domain;
using Awards.Api.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Contracts.Feedback;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Storage;
using static Awards.Api.Infrastructure.AwardsWork;
using Platform.Contracts.Awards;

namespace Awards.Api.Consumers;

public sealed class DossierReceivedConsumer(IDocumentStore<AwardsData> store) : IConsumer<DossierReceived>
{
    public Task Consume(ConsumeContext<DossierReceived> context) =>
        store.ConsumeOnceAsync(context, nameof(DossierReceivedConsumer), changes =>
            IndicatorsAsync(store, changes, context.Message.Commune,
                i => i.With(YearOf(context.Message.ReceivedAt), y => y with { DossiersReceived = y.DossiersReceived + 1 }), context.CancellationToken));
}

/// <summary>Counts timeliness for the commune and the handler; a handler's milestone of dossiers on time becomes an achievement.</summary>
public sealed class DossierResolvedConsumer(IDocumentStore<AwardsData> store) : IConsumer<DossierResolved>
{
    public Task Consume(ConsumeContext<DossierResolved> context) =>
        store.ConsumeOnceAsync(context, nameof(DossierResolvedConsumer), async changes =>
        {
            var m = context.Message;
            var ct = context.CancellationToken;
            var year = YearOf(m.ResolvedAt);
            var onTime = m.Timeliness.CountsAsOnTime() ? 1 : 0;
            await IndicatorsAsync(store, changes, m.Commune,
                i => i.With(year, y => y with { DossiersResolved = y.DossiersResolved + 1, DossiersOnTime = y.DossiersOnTime + onTime }), ct);
            if (m.HandlerId is null) return;
            var tally = await StaffYearAsync(store, changes, m.Commune, m.HandlerId, year,
                s => s with { DossiersHandled = s.DossiersHandled + 1, DossiersOnTime = s.DossiersOnTime + onTime }, ct);
            if (onTime == 1 && Milestones.Reached(tally.DossiersOnTime, tally.DossiersOnTime, tally.DossiersHandled))
                await AchieveAsync(store, changes, m.Commune, FromEvent($"dossiers-on-time:{m.HandlerId}:{year}:{tally.DossiersOnTime}", year,
                    AchievementKinds.DossiersOnTime, m.HandlerId, await NameOfAsync(store, m.Commune, m.HandlerId, ct),
                    $"Giải quyết {tally.DossiersOnTime} hồ sơ đúng hạn trong năm {year} (tỷ lệ {Percent(tally.DossiersOnTime, tally.DossiersHandled)})",
                    nameof(DossierResolved), m.DossierId, m.ResolvedAt), ct);
        });

    internal static string Percent(int part, int whole) => ((double)part / whole).ToString("P0", CultureInfo.GetCultureInfo("vi-VN"));
}

/// <summary>Counts the satisfaction index (SIPAS) for the commune and the handler; a well-rated milestone is an achievement.</summary>
public sealed class SatisfactionRatedConsumer(IDocumentStore<AwardsData> store) : IConsumer<SatisfactionRated>
{
    public Task Consume(ConsumeContext<SatisfactionRated> context) =>
        store.ConsumeOnceAsync(context, nameof(SatisfactionRatedConsumer), async changes =>
        {
            var m = context.Message;
            var ct = context.CancellationToken;
            var year = YearOf(m.RatedAt);
            var satisfied = m.Level.CountsAsSatisfied() ? 1 : 0;
            await IndicatorsAsync(store, changes, m.Commune,
                i => i.With(year, y => y with { Ratings = y.Ratings + 1, SatisfiedRatings = y.SatisfiedRatings + satisfied }), ct);
            if (m.HandlerId is null) return;
            var tally = await StaffYearAsync(store, changes, m.Commune, m.HandlerId, year,
                s => s with { Ratings = s.Ratings + 1, SatisfiedRatings = s.SatisfiedRatings + satisfied }, ct);
            if (Milestones.Reached(tally.Ratings, tally.SatisfiedRatings, tally.Ratings))
                await AchieveAsync(store, changes, m.Commune, FromEvent($"high-satisfaction:{m.HandlerId}:{year}:{tally.Ratings}", year,
                    AchievementKinds.HighSatisfaction, m.HandlerId, await NameOfAsync(store, m.Commune, m.HandlerId, ct),
                    $"{tally.Ratings} lượt đánh giá, {DossierResolvedConsumer.Percent(tally.SatisfiedRatings, tally.Ratings)} người dân hài lòng trong năm {year}",
                    nameof(SatisfactionRated), m.DossierId, m.RatedAt), ct);
        });
}

public sealed class FeedbackReceivedConsumer(IDocumentStore<AwardsData> store) : IConsumer<FeedbackReceived>
{
    public Task Consume(ConsumeContext<FeedbackReceived> context) =>
        store.ConsumeOnceAsync(context, nameof(FeedbackReceivedConsumer), changes =>
            IndicatorsAsync(store, changes, context.Message.Commune,
                i => i.With(YearOf(context.Message.ReceivedAt), y => y with { FeedbackReceived = y.FeedbackReceived + 1 }), context.CancellationToken));
}

/// <summary>Feedback answered in time is the commune's work (a collective achievement at each milestone).</summary>
public sealed class FeedbackAnsweredConsumer(IDocumentStore<AwardsData> store) : IConsumer<FeedbackAnswered>
{
    public Task Consume(ConsumeContext<FeedbackAnswered> context) =>
        store.ConsumeOnceAsync(context, nameof(FeedbackAnsweredConsumer), async changes =>
        {
            var m = context.Message;
            var ct = context.CancellationToken;
            var year = YearOf(m.AnsweredAt);
            var inTime = m.InTime ? 1 : 0;
            YearFigures? figures = null;
            await IndicatorsAsync(store, changes, m.Commune, i => i.With(year, y => figures = y with
            {
                FeedbackAnswered = y.FeedbackAnswered + 1, FeedbackAnsweredInTime = y.FeedbackAnsweredInTime + inTime,
            }), ct);
            if (m.InTime && figures is { } f && Milestones.Reached(f.FeedbackAnsweredInTime, f.FeedbackAnsweredInTime, f.FeedbackAnswered))
            {
                await AchieveAsync(store, changes, m.Commune, FromEvent($"feedback-answered:{year}:{f.FeedbackAnsweredInTime}", year,
                    AchievementKinds.FeedbackAnswered, null, $"Ủy ban nhân dân {await RadioDesk.SpokenNameAsync(store, m.Commune, ct)}",
                    $"Trả lời đúng hạn {f.FeedbackAnsweredInTime} phản ánh, kiến nghị trong năm {year} (tỷ lệ {DossierResolvedConsumer.Percent(f.FeedbackAnsweredInTime, f.FeedbackAnswered)})",
                    nameof(FeedbackAnswered), m.FeedbackId, m.AnsweredAt), ct);
            }
        });
}

/// <summary>A completed course is an achievement of its participant and counts toward the commune's training coverage.</summary>
public sealed class TrainingCompletedConsumer(IDocumentStore<AwardsData> store, TimeProvider time) : IConsumer<TrainingCompleted>
{
    public Task Consume(ConsumeContext<TrainingCompleted> context) =>
        store.ConsumeOnceAsync(context, nameof(TrainingCompletedConsumer), async changes =>
        {
            var m = context.Message;
            var ct = context.CancellationToken;
            var year = m.CompletedOn.Year;
            var id = $"training:{m.StaffId}:{m.CompletedOn:yyyyMMdd}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(m.Course)))[..10].ToLowerInvariant()}";
            if (await store.FindAsync<Achievement>(m.Commune, id, ct) is not null) return; // the same course reported again
            var at = time.GetUtcNow().UtcDateTime;
            await AchieveAsync(store, changes, m.Commune, FromEvent(id, year, AchievementKinds.Training, m.StaffId, await NameOfAsync(store, m.Commune, m.StaffId, ct),
                $"Hoàn thành khóa {m.Course} ({m.Hours.ToString("0.#", CultureInfo.InvariantCulture)} giờ, {m.CompletedOn:dd/MM/yyyy})",
                nameof(TrainingCompleted), m.Course, at), ct);
            await StaffYearAsync(store, changes, m.Commune, m.StaffId, year, s => s with { Trainings = s.Trainings + 1, TrainingHours = s.TrainingHours + m.Hours }, ct);
            await IndicatorsAsync(store, changes, m.Commune, i => i.With(year, y => y.TrainedStaff.Contains(m.StaffId) ? y : y with { TrainedStaff = [.. y.TrainedStaff, m.StaffId] }), ct);
        });
}

/// <summary>
/// An approved simplification is an initiative (sáng kiến) of each author, and makes each author a candidate for a
/// thematic commendation at once, outside the yearly cycle (seed II.3: khen thưởng chuyên đề).
/// </summary>
public sealed class SimplificationApprovedConsumer(IDocumentStore<AwardsData> store) : IConsumer<SimplificationApproved>
{
    public Task Consume(ConsumeContext<SimplificationApproved> context) =>
        store.ConsumeOnceAsync(context, nameof(SimplificationApprovedConsumer), async changes =>
        {
            var m = context.Message;
            var ct = context.CancellationToken;
            var year = YearOf(m.ApprovedAt);
            if (await store.FindAsync<Achievement>(m.Commune, $"initiative:{m.ProposalId}:{m.AuthorStaffIds.FirstOrDefault()}", ct) is not null) return;
            var campaign = (await GoverningPlanAsync(store, m.Commune, year, null, ct))?.Document.CampaignId ?? Movement.Id;
            var what = SimplificationText(m);
            foreach (var author in m.AuthorStaffIds.Distinct())
            {
                var name = await NameOfAsync(store, m.Commune, author, ct);
                await AchieveAsync(store, changes, m.Commune, FromEvent($"initiative:{m.ProposalId}:{author}", year, AchievementKinds.Initiative, author, name,
                    $"Sáng kiến {what} (quyết định {m.DecisionNo} của {m.Authority})", nameof(SimplificationApproved), m.ProposalId, m.ApprovedAt), ct);
                await StaffYearAsync(store, changes, m.Commune, author, year, s => s with { Initiatives = s.Initiatives + 1 }, ct);
                var nomination = new Nomination
                {
                    Id = $"cd-{m.ProposalId}-{author}",
                    CampaignId = campaign, Year = year, Level = AwardLevel.Commune, Kind = NomineeKind.Individual,
                    Nominee = new Nominee(author, name), Title = AwardTitles.Certificate, TitleName = AwardTitles.ThematicName,
                    Reason = $"Có sáng kiến {what}, được {m.Authority} chấp thuận tại quyết định {m.DecisionNo}.",
                    Thematic = true, Source = m.ProposalId, Status = NominationStatus.Proposed, CreatedAt = m.ApprovedAt, CreatedBy = "thematic",
                };
                changes.Insert(m.Commune, nomination.Id, nomination);
            }
            await IndicatorsAsync(store, changes, m.Commune, i => i.With(year, y => y with { Initiatives = y.Initiatives + 1 }), ct);
        });

    private static string SimplificationText(SimplificationApproved m)
    {
        var parts = new List<string>();
        if (m.NewProcessingDays is { } days && m.PreviousProcessingDays is { } before) parts.Add($"rút ngắn thời gian từ {before} xuống {days} ngày làm việc");
        if (m.RemovedComponents.Count > 0) parts.Add($"bỏ {m.RemovedComponents.Count} thành phần hồ sơ");
        return $"đơn giản hóa thủ tục {m.ProcedureName}" + (parts.Count > 0 ? $" ({string.Join(", ", parts)})" : "");
    }
}

/// <summary>Keeps the posted share of the catalogue; a procedure made faster or simpler goes on the radio.</summary>
public sealed class ProcedureChangedConsumer(IDocumentStore<AwardsData> store, IDistributedCache cache, TimeProvider time) : IConsumer<ProcedureChanged>
{
    public async Task Consume(ConsumeContext<ProcedureChanged> context)
    {
        var m = context.Message;
        await store.ConsumeOnceAsync(context, nameof(ProcedureChangedConsumer), async changes =>
        {
            var ct = context.CancellationToken;
            var stored = await store.FindAsync<ProcedurePosting>(m.Commune, m.ProcedureCode, ct);
            if (stored is not null && stored.Document.Revision >= m.Revision) return; // an older revision arriving late
            var posting = new ProcedurePosting(m.ProcedureCode, m.Revision, m.Posted);
            if (stored is null) changes.Insert(m.Commune, m.ProcedureCode, posting);
            else changes.Update(stored, posting);
            var added = stored is null ? 1 : 0;
            var postedDelta = (m.Posted ? 1 : 0) - (stored?.Document.Posted == true ? 1 : 0);
            await IndicatorsAsync(store, changes, m.Commune, i => i with { Procedures = i.Procedures + added, PostedProcedures = i.PostedProcedures + postedDelta }, ct);
            if (RadioTexts.Procedure(await RadioDesk.SpokenNameAsync(store, m.Commune, ct), m.Name, m.EffectiveFrom, m.ProcessingDays, m.PreviousProcessingDays, m.ComponentCount,
                    m.PreviousComponentCount) is { } item)
                await RadioDesk.AppendAsync(store, changes, m.Commune, time.GetUtcNow().UtcDateTime,
                    [("procedure", item.Title, item.Text, $"{m.ProcedureCode}#{m.Revision}")], ct);
        });
        await RadioDesk.ForgetAsync(cache, m.Commune, context.CancellationToken);
    }
}

/// <summary>Whether the latest known revision of a procedure is posted at the desk (id: the procedure code).</summary>
public sealed record ProcedurePosting(string Code, int Revision, bool Posted);
