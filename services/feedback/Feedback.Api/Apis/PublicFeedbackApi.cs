using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Platform.Contracts.Feedback;
using Platform.ServiceDefaults.Caching;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Feedback.Api.Domain;
using Feedback.Api.Infrastructure;
using Feedback.Api.Localization;

namespace Feedback.Api.Apis;

public sealed record PublicFeedbackRequest(string? Channel, FeedbackCategory? Category, string? Content, string? ProcedureCode, string? StaffId, string? Hamlet, string? Contact);

public sealed record FeedbackReceipt(string Id, string TrackingCode, string Status, DateOnly DueDate);

/// <summary>What the holder of a tracking code sees: their own words, the progress and the answer; never anyone's contact.</summary>
public sealed record FeedbackTrackingView(
    string TrackingCode, FeedbackCategory Category, string CategoryName, string Content, string Status, string StatusText,
    DateTime ReceivedAt, DateOnly DueDate, string? Answer, DateTime? AnsweredAt, DateTime? ClosedAt);

public sealed record PublishedAnswer(string Id, FeedbackCategory Category, string CategoryName, string? ProcedureCode, string Question, string Answer, DateTime ReceivedAt, DateTime AnsweredAt);

public sealed record PublicChannel(string Code, string Name);

/// <summary>What a citizen's form needs in one call: the commune, its hamlets, the categories.</summary>
public sealed record FeedbackFormView(string Commune, string CommuneName, string DistrictName, IReadOnlyList<HamletRecord> Hamlets, IReadOnlyList<CategoryView> Categories);

public sealed record CategoryView(FeedbackCategory Code, string Name);

public static class PublicFeedbackApi
{
    public static IEndpointRouteBuilder MapPublicFeedbackApi(this IEndpointRouteBuilder routes)
    {
        var feedback = routes.MapGroup("/api/public/communes/{commune}/feedback").AllowAnonymous().WithTags("Public feedback");
        feedback.MapPost("/", Submit).WithSummary("Send feedback without an account (rate-limited); keep the tracking code to follow it.");
        feedback.MapGet("/answers", Answers).WithSummary("Answers the commune chose to publish, newest first.");
        feedback.MapGet("/channels", Channels).WithSummary("Where a citizen can give feedback: the boxes, the hotline, the radio, online.");
        feedback.MapGet("/form", Form).WithSummary("What a feedback form needs: the commune's name, its hamlets and the categories.");
        feedback.MapGet("/{trackingCode}", Track).WithSummary("Follow an item by its tracking code.");
        return routes;
    }

    public static async Task<Created<FeedbackReceipt>> Submit(string commune, PublicFeedbackRequest request, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var item = await services.Intake.ReceiveAsync(commune, new FeedbackInput(request.Channel, request.Category, request.Content, request.ProcedureCode,
            request.StaffId, request.Hamlet, request.Contact), fromPublic: true, recordedBy: null, location: null, ct);
        return TypedResults.Created($"/api/public/communes/{commune}/feedback/{item.TrackingCode}", Receipt(item));
    }

    public static FeedbackReceipt Receipt(FeedbackItem item) => new(item.Id, item.TrackingCode, FeedbackItem.Slug(item.Status), item.DueDate);

    public static async Task<Ok<FeedbackTrackingView>> Track(string commune, string trackingCode, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var item = await GetByTrackingCodeAsync(services.Store, commune, trackingCode, FeedbackMessages.FeedbackItem, ct);
        return TypedResults.Ok(new FeedbackTrackingView(item.TrackingCode, item.Category, FeedbackCategories.Vietnamese(item.Category), item.Content,
            FeedbackItem.Slug(item.Status), FeedbackItem.Vietnamese(item.Status), item.ReceivedAt, item.DueDate, item.Answer, item.AnsweredAt, item.ClosedAt));
    }

    /// <summary>The item a tracking code stands for, or the 404 naming <paramref name="whatKey"/> and the code as the caller wrote it.</summary>
    public static async Task<FeedbackItem> GetByTrackingCodeAsync(IDocumentStore<FeedbackData> store, string commune, string code, string whatKey, CancellationToken ct)
    {
        var found = TrackingCodes.Normalize(code) is { } normalized
            ? await store.QueryAsync<FeedbackItem>(commune, new Query(Filter.Eq("trackingCode", normalized), Take: 1), ct) : [];
        return found.Count == 1 ? found[0].Document : throw new NotFoundException(whatKey, code);
    }

    public static async Task<Ok<IReadOnlyList<PublishedAnswer>>> Answers(string commune, int? skip, int? take, [AsParameters] FeedbackServices services,
        CancellationToken ct)
    {
        new InputValidation().Require(take is null or (>= 1 and <= 100), "take", CommonMessages.Range, 1, 100).Require(skip is null or >= 0, "skip", CommonMessages.AtLeast, 0).ThrowIfInvalid();
        await services.Communes.GetAsync(commune, CommonMessages.Commune, ct);
        async Task<IReadOnlyList<PublishedAnswer>> Read(CancellationToken token) =>
            (await services.Store.QueryAsync<FeedbackItem>(commune, new Query(Filter.Eq("published", true), [new Sort("answeredAt", Descending: true)], skip ?? 0, take ?? 20), token))
            .Select(s => s.Document)
            .Select(i => new PublishedAnswer(i.Id, i.Category, FeedbackCategories.Vietnamese(i.Category), i.ProcedureCode, i.Content, i.Answer!, i.ReceivedAt, i.AnsweredAt!.Value))
            .ToList();
        // The first page is what the commune's page and the radio read; it is cached and dropped when an answer is published.
        var answers = skip is null or 0 && take is null or 20
            ? await services.Cache.GetOrCreateJsonAsync(PublishedAnswers.Key(commune), TimeSpan.FromMinutes(10), Read, ct)
            : await Read(ct);
        return TypedResults.Ok(answers);
    }

    public static async Task<Ok<FeedbackFormView>> Form(string commune, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var record = await services.Communes.GetAsync(commune, CommonMessages.Commune, ct);
        return TypedResults.Ok(new FeedbackFormView(record.Code, record.Name, record.DistrictName, record.Hamlets,
            Enum.GetValues<FeedbackCategory>().Select(c => new CategoryView(c, FeedbackCategories.Vietnamese(c))).ToList()));
    }

    public static async Task<Ok<IReadOnlyList<PublicChannel>>> Channels(string commune, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        await services.Communes.GetAsync(commune, CommonMessages.Commune, ct);
        var channels = await services.Store.QueryAsync<FeedbackChannel>(commune, Query.All, ct);
        return TypedResults.Ok<IReadOnlyList<PublicChannel>>(channels.Select(c => c.Document).OrderBy(c => c.Kind).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new PublicChannel(c.Code, c.Name)).ToList());
    }
}

public static class PublishedAnswers
{
    public static string Key(string commune) => $"feedback:answers:{commune}";

    public static Task InvalidateAsync(IDistributedCache cache, string commune, CancellationToken ct) => cache.RemoveAsync(Key(commune), ct);
}
