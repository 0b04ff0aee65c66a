using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Calendar;
using Platform.Contracts.Feedback;
using Platform.ServiceDefaults.Caching;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Feedback.Api.Domain;
using Feedback.Api.Infrastructure;
using Feedback.Api.Localization;

namespace Feedback.Api.Apis;

public sealed record SurveyAnswerRequest(SatisfactionLevel? Level, SatisfactionFactors? Factors, string? Comment);

/// <summary>What the survey page shows before the citizen answers: which service they are rating.</summary>
public sealed record SurveyView(string Code, string CommuneName, string ProcedureCode, string? ProcedureName, DateTime ReturnedAt, bool Answered);

public sealed record SurveyThanks(string Code, SatisfactionLevel Level, DateTime RatedAt);

public static class SurveysApi
{
    private static readonly string[] Readers =
        [Roles.CommuneOffice, Roles.CommuneLeader, Roles.DeskOfficer, Roles.EmulationCouncil, Roles.Front, Roles.DistrictOfficer];

    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder routes)
    {
        var surveys = routes.MapGroup("/api/public/surveys").AllowAnonymous().WithTags("Satisfaction");
        surveys.MapGet("/{code}", Show).WithSummary("The service a survey code rates, and whether it was already answered.");
        surveys.MapPost("/{code}", Answer).WithSummary("Rate a returned dossier: one answer per code printed on the result slip.");
        routes.MapGet("/api/communes/{commune}/satisfaction", Index).RequireRoles(Readers).WithTags("Satisfaction")
            .WithSummary("The satisfaction index of a year: the share of satisfied answers, per SIPAS factor, per procedure, per handler.");
        return routes;
    }

    private static async Task<Stored<SurveyInvitation>> Invitation(IDocumentStore<FeedbackData> store, string code, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return normalized.Length is > 0 and <= 32 && normalized.All(char.IsAsciiLetterOrDigit) && await store.FindAsync<SurveyInvitation>(Scopes.Platform, normalized, ct) is { } found
            ? found : throw new NotFoundException(FeedbackMessages.SurveyCode, code);
    }

    public static async Task<Ok<SurveyView>> Show(string code, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var invitation = (await Invitation(services.Store, code, ct)).Document;
        var commune = await services.Communes.FindAsync(invitation.Commune, ct);
        var procedure = await services.Store.FindAsync<ProcedureRef>(invitation.Commune, invitation.ProcedureCode, ct);
        return TypedResults.Ok(new SurveyView(invitation.Code, commune?.Name ?? invitation.Commune, invitation.ProcedureCode, procedure?.Document.Name,
            invitation.ReturnedAt, invitation.AnsweredAt is not null));
    }

    public static async Task<Created<SurveyThanks>> Answer(string code, SurveyAnswerRequest request, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var comment = CitizenText.Clean(request.Comment);
        var validation = new InputValidation()
            .Require(request.Level is not null, "level", FeedbackMessages.LevelRequired)
            .OptionalText(comment, "comment", InputLimits.Comment);
        foreach (var (name, score) in request.Factors?.Scores() ?? [])
            validation.Require(score is null or (>= 1 and <= 5), $"factors.{name}", CommonMessages.Range, 1, 5);
        validation.ThrowIfInvalid();

        var stored = await Invitation(services.Store, code, ct);
        var rating = stored.Document.Answer(request.Level!.Value, request.Factors, comment, services.Now);
        var (invitation, response) = rating.State;
        // The invitation's version guards against two answers sent at once: the second commit is a conflict (409).
        await services.Store.CommitAsync(new ChangeSet()
            .Update(stored, invitation)
            .Insert(invitation.Commune, invitation.Code, response)
            .PublishAll(invitation.Commune, rating.Events), ct);
        await services.Cache.RemoveAsync(IndexKey(invitation.Commune, VietnamTime.Today(response.RatedAt).Year), ct);
        return TypedResults.Created($"/api/public/surveys/{invitation.Code}", new SurveyThanks(invitation.Code, response.Level, response.RatedAt));
    }

    public static async Task<Ok<SatisfactionIndex>> Index(string commune, int? year, [AsParameters] FeedbackServices services, CancellationToken ct)
    {
        var wanted = year ?? VietnamTime.Today(services.Now).Year;
        new InputValidation().Require(wanted is >= 2000 and <= 2100, "year", CommonMessages.Range, 2000, 2100).ThrowIfInvalid();
        return TypedResults.Ok(await services.Cache.GetOrCreateJsonAsync(IndexKey(commune, wanted), TimeSpan.FromMinutes(10), async token =>
        {
            var responses = await services.Store.QueryAsync<SurveyResponse>(commune, new Query(Filter.And(
                Filter.Gte("ratedAt", VietnamTime.StartOfDayUtc(new DateOnly(wanted, 1, 1))),
                Filter.Lt("ratedAt", VietnamTime.StartOfDayUtc(new DateOnly(wanted + 1, 1, 1))))), token);
            var procedures = (await services.Store.QueryAsync<ProcedureRef>(commune, Query.All, token)).ToDictionary(p => p.Id, p => p.Document.Name);
            var staff = (await services.Store.QueryAsync<StaffRef>(commune, Query.All, token)).ToDictionary(s => s.Id, s => s.Document.FullName);
            return SatisfactionIndex.Compute(wanted, responses.Select(r => r.Document).ToList(), procedures.GetValueOrDefault, staff.GetValueOrDefault);
        }, ct));
    }

    private static string IndexKey(string commune, int year) => $"feedback:satisfaction:{commune}:{year}";
}
