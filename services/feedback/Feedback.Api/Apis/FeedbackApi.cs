using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Contracts.Feedback;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Feedback.Api.Domain;
using Feedback.Api.Infrastructure;
using Feedback.Api.Localization;

namespace Feedback.Api.Apis;

public sealed record AssignRequest(string? StaffId);
public sealed record AnswerRequest(string? Answer, bool? Publish, bool? Upheld);
public sealed record CloseRequest(string? Note);

public static class FeedbackApi
{
    /// <summary>Who records box, hotline and supervision items: the desk, the office, the leaders, the Fatherland Front.</summary>
    private static readonly string[] Recorders = [Roles.DeskOfficer, Roles.CommuneOffice, Roles.CommuneLeader, Roles.Front];
    private static readonly string[] Handlers = [Roles.CommuneOffice, Roles.CommuneLeader];
    private static readonly string[] Readers = [.. Recorders, Roles.DistrictOfficer];

    public static IEndpointRouteBuilder MapFeedbackStaffApi(this IEndpointRouteBuilder routes)
    {
        var feedback = routes.MapGroup("/api/communes/{commune}/feedback").WithTags("Feedback");
        feedback.MapPost("/", Transcribe).RequireRoles(Recorders)
            .WithSummary("Record an item from a suggestion box, the hotline, the radio or the Front's supervision.");
        feedback.MapGet("/", List).RequireRoles(Readers)
            .WithSummary("Items by status, category, channel or received dates; overdue=true lists the open items past their answer date.");
        feedback.MapGet("/{id}", Get).RequireRoles(Readers);
        feedback.MapPost("/{id}/assign", Assign).RequireRoles(Handlers).WithSummary("Put a member of staff in charge of answering.");
        feedback.MapPost("/{id}/answer", Answer).RequireRoles(Handlers)
            .WithSummary("Answer; publish=true lists the answer publicly; a conduct complaint is found upheld or not.");
        feedback.MapPost("/{id}/close", Close).RequireRoles(Handlers).WithSummary("Close an answered item, or an unanswered one with a note saying why.");
        routes.MapGet("/api/communes/{commune}/feedback-channels", Channels).RequireRoles(Readers).WithTags("Feedback")
            .WithSummary("The commune's channels: boxes at the desk and at each hamlet office, hotline, radio, online, the Front's supervision.");
        return routes;
    }

    public static async Task<Created<FeedbackItem>> Transcribe(string commune, FeedbackInput input, FeedbackIntake intake, ClaimsPrincipal user, CancellationToken ct)
    {
        var item = await intake.ReceiveAsync(commune, input, fromPublic: false, user.Actor(), location: null, ct);
        return TypedResults.Created($"/api/communes/{commune}/feedback/{item.Id}", item);
    }

    public static async Task<Ok<IReadOnlyList<FeedbackItem>>> List(string commune, string? status, bool? overdue, string? category, string? channel,
        DateOnly? from, DateOnly? to, int? skip, int? take, IDocumentStore<FeedbackData> store, FeedbackIntake intake, CancellationToken ct)
    {
        var validation = new InputValidation()
            .Require(take is null or (>= 1 and <= 500), "take", CommonMessages.Range, 1, 500)
            .Require(skip is null or >= 0, "skip", CommonMessages.AtLeast, 0)
            .DateRange(from, to)
            .OneOf<FeedbackCategory>(category, "category", out var wantedCategory, optional: true);
        FeedbackStatus? wanted = null;
        if (status is not null)
        {
            wanted = Enum.GetValues<FeedbackStatus>().Cast<FeedbackStatus?>().FirstOrDefault(s => FeedbackItem.Slug(s!.Value) == status);
            validation.Require(wanted is not null, "status", CommonMessages.OneOf, "received, assigned, answered, closed");
        }
        validation.ThrowIfInvalid();
        var filter = Filter.And(
            wanted is null ? null : Filter.Eq("status", wanted),
            overdue == true ? Filter.And(Filter.In("status", [FeedbackStatus.Received, FeedbackStatus.Assigned]), Filter.Lt("dueDate", intake.Today)) : null,
            wantedCategory is null ? null : Filter.Eq("category", wantedCategory),
            channel is null ? null : Filter.Eq("channel", channel),
            from is null ? null : Filter.Gte("receivedAt", Platform.Calendar.VietnamTime.StartOfDayUtc(from.Value)),
            to is null ? null : Filter.Lt("receivedAt", Platform.Calendar.VietnamTime.StartOfNextDayUtc(to.Value)));
        var items = await store.QueryAsync<FeedbackItem>(commune, new Query(filter, [new Sort("receivedAt", Descending: true)], skip ?? 0, take ?? 100), ct);
        return TypedResults.Ok<IReadOnlyList<FeedbackItem>>(items.Select(i => i.Document).ToList());
    }

    public static async Task<Ok<FeedbackItem>> Get(string commune, string id, IDocumentStore<FeedbackData> store, CancellationToken ct) =>
        TypedResults.Ok((await Load(store, commune, id, ct)).Document);

    public static async Task<Ok<FeedbackItem>> Assign(string commune, string id, AssignRequest request, IDocumentStore<FeedbackData> store,
        TimeProvider time, CancellationToken ct)
    {
        new InputValidation().RequireSlug(request.StaffId, "staffId").ThrowIfInvalid();
        if (await store.FindAsync<StaffRef>(commune, request.StaffId!, ct) is null)
            throw InvalidInputException.Field("staffId", Wording.Of(FeedbackMessages.NotStaff));
        var stored = await Load(store, commune, id, ct);
        var assigned = stored.Document.AssignTo(request.StaffId!, time.GetUtcNow().UtcDateTime);
        await store.CommitAsync(new ChangeSet().Update(stored, assigned), ct);
        return TypedResults.Ok(assigned);
    }

    public static async Task<Ok<FeedbackItem>> Answer(string commune, string id, AnswerRequest request, IDocumentStore<FeedbackData> store,
        IDistributedCache cache, FeedbackIntake intake, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var text = CitizenText.Clean(request.Answer);
        new InputValidation().RequireText(text, "answer", FeedbackIntake.MaxContentLength)
            .Require(request.Publish is not null, "publish", FeedbackMessages.PublishRequired).ThrowIfInvalid();
        var stored = await Load(store, commune, id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var answered = stored.Document.AnswerWith(text!, request.Publish!.Value, request.Upheld, now, intake.Today, user.Actor());
        await store.CommitAsync(new ChangeSet().Update(stored, answered).Publish(commune, new FeedbackAnswered
        {
            Commune = commune, FeedbackId = answered.Id, Category = answered.Category, StaffId = answered.StaffId, AssigneeId = answered.AssigneeId,
            InTime = answered.AnsweredInTime!.Value, Upheld = answered.Upheld, AnsweredAt = now,
        }), ct);
        if (answered.Published) await PublishedAnswers.InvalidateAsync(cache, commune, ct);
        return TypedResults.Ok(answered);
    }

    public static async Task<Ok<FeedbackItem>> Close(string commune, string id, CloseRequest? request, IDocumentStore<FeedbackData> store,
        TimeProvider time, CancellationToken ct)
    {
        var note = CitizenText.Clean(request?.Note);
        new InputValidation().OptionalText(note, "note", InputLimits.Note).ThrowIfInvalid();
        var stored = await Load(store, commune, id, ct);
        var closed = stored.Document.CloseWith(note, time.GetUtcNow().UtcDateTime);
        await store.CommitAsync(new ChangeSet().Update(stored, closed), ct);
        return TypedResults.Ok(closed);
    }

    public static async Task<Ok<IReadOnlyList<FeedbackChannel>>> Channels(string commune, IDocumentStore<FeedbackData> store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<FeedbackChannel>>((await store.QueryAsync<FeedbackChannel>(commune, Query.All, ct))
            .Select(c => c.Document).OrderBy(c => c.Kind).ThenBy(c => c.Code, StringComparer.Ordinal).ToList());

    private static async Task<Stored<FeedbackItem>> Load(IDocumentStore<FeedbackData> store, string commune, string id, CancellationToken ct) =>
        await store.FindAsync<FeedbackItem>(commune, id, ct) ?? throw new NotFoundException(FeedbackMessages.FeedbackItem, id);
}
