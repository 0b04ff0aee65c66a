using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Feedback;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Feedback.Api.Domain;
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

    public static async Task<Created<FeedbackItem>> Transcribe(string commune, FeedbackInput input, [AsParameters] FeedbackServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var item = await services.Intake.ReceiveAsync(commune, input, fromPublic: false, user.Actor(), location: null, ct);
        return TypedResults.Created($"/api/communes/{commune}/feedback/{item.Id}", item);
    }

    public static async Task<Ok<IReadOnlyList<FeedbackItem>>> List(string commune, string? status, bool? overdue, string? category, string? channel,
        DateOnly? from, DateOnly? to, int? skip, int? take, [AsParameters] FeedbackServices services, CancellationToken ct)
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
            overdue == true ? Filter.And(Filter.In("status", FeedbackItem.OpenStatuses.Cast<object?>()), Filter.Lt("dueDate", services.Intake.Today)) : null,
            wantedCategory is null ? null : Filter.Eq("category", wantedCategory),
            channel is null ? null : Filter.Eq("channel", channel),
            from is null ? null : Filter.Gte("receivedAt", Platform.Calendar.VietnamTime.StartOfDayUtc(from.Value)),
            to is null ? null : Filter.Lt("receivedAt", Platform.Calendar.VietnamTime.StartOfNextDayUtc(to.Value)));
        var items = await services.Store.QueryAsync<FeedbackItem>(commune, new Query(filter, [new Sort("receivedAt", Descending: true)], skip ?? 0, take ?? 100), ct);
        return TypedResults.Ok<IReadOnlyList<FeedbackItem>>(items.Select(i => i.Document).ToList());
    }

    public static async Task<Ok<FeedbackItem>> Get(string commune, string id, [AsParameters] FeedbackServices services, CancellationToken ct) =>
        TypedResults.Ok((await services.Store.GetAsync<FeedbackItem>(commune, id, FeedbackMessages.FeedbackItem, ct)).Document);

    public static async Task<Ok<FeedbackItem>> Assign(string commune, string id, AssignRequest request, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        new InputValidation().RequireSlug(request.StaffId, "staffId").ThrowIfInvalid();
        if (await services.Store.FindAsync<StaffRef>(commune, request.StaffId!, ct) is null)
            throw InvalidInputException.Field("staffId", Wording.Of(FeedbackMessages.NotStaff));
        var stored = await services.Store.GetAsync<FeedbackItem>(commune, id, FeedbackMessages.FeedbackItem, ct);
        var assigned = stored.Document.AssignTo(request.StaffId!, services.Now);
        await services.Store.CommitAsync(new ChangeSet().Update(stored, assigned), ct);
        return TypedResults.Ok(assigned);
    }

    public static async Task<Ok<FeedbackItem>> Answer(string commune, string id, AnswerRequest request, [AsParameters] FeedbackServices services,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var text = CitizenText.Clean(request.Answer);
        new InputValidation().RequireText(text, "answer", FeedbackIntake.MaxContentLength)
            .Require(request.Publish is not null, "publish", FeedbackMessages.PublishRequired).ThrowIfInvalid();
        var stored = await services.Store.GetAsync<FeedbackItem>(commune, id, FeedbackMessages.FeedbackItem, ct);
        var answered = stored.Document.AnswerWith(commune, text!, request.Publish!.Value, request.Upheld, services.Now, user.Actor());
        await services.Store.CommitAsync(new ChangeSet().Update(stored, answered), ct);
        if (answered.State.Published) await PublishedAnswers.InvalidateAsync(services.Cache, commune, ct);
        return TypedResults.Ok(answered.State);
    }

    public static async Task<Ok<FeedbackItem>> Close(string commune, string id, CloseRequest? request, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var note = CitizenText.Clean(request?.Note);
        new InputValidation().OptionalText(note, "note", InputLimits.Note).ThrowIfInvalid();
        var stored = await services.Store.GetAsync<FeedbackItem>(commune, id, FeedbackMessages.FeedbackItem, ct);
        var closed = stored.Document.CloseWith(note, services.Now);
        await services.Store.CommitAsync(new ChangeSet().Update(stored, closed), ct);
        return TypedResults.Ok(closed);
    }

    public static async Task<Ok<IReadOnlyList<FeedbackChannel>>> Channels(string commune, [AsParameters] FeedbackServices services, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<FeedbackChannel>>((await services.Store.QueryAsync<FeedbackChannel>(commune, Query.All, ct))
            .Select(c => c.Document).OrderBy(c => c.Kind).ThenBy(c => c.Code, StringComparer.Ordinal).ToList());
}
