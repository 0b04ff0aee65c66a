using Microsoft.AspNetCore.Http.HttpResults;
using Personnel.Api.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Personnel.Api.Localization;

namespace Personnel.Api.Apis;

public sealed record TokenRequest(string? Username, string? Password, string? ClientId, string? ClientSecret);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").AllowAnonymous().WithTags("Auth");
        auth.MapPost("/token", IssueToken)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Sign in with a username and password, or a client id and secret, for a bearer token.");
        auth.MapGet("/jwks", Jwks).WithSummary("The public keys that verify the platform's tokens.");
        auth.MapGet("/revoked-sessions", RevokedSessions)
            .WithSummary("The security stamps whose tokens are refused (disabled accounts, reset passwords, staff who left), until when.");
        return routes;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, Credentials credentials, TokenIssuer issuer, HttpContext http, CancellationToken ct)
    {
        var isClient = request.ClientId is not null;
        var (name, secret) = isClient ? (request.ClientId, request.ClientSecret) : (request.Username, request.Password);
        var validation = new InputValidation();
        if (isClient)
            validation.RequireText(name, "clientId", 100).RequireText(secret, "clientSecret", 200);
        else
            validation.RequireText(name, "username", 100).RequireText(secret, "password", 200);
        validation.ThrowIfInvalid();

        // Behind the gateway, the client's address comes from X-Forwarded-For, believed from Edge:TrustedProxies only.
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var outcome = await credentials.SignInAsync(name!, secret!, isClient, address, ct);
        switch (outcome.Result)
        {
            case SignInResult.Succeeded:
                var token = issuer.Issue(outcome.Account!);
                return TypedResults.Ok(new TokenResponse(token.AccessToken, token.TokenType, token.ExpiresIn));
            case SignInResult.Throttled:
                // The same for a known name and an unknown one: nothing here tells whether the account exists.
                var seconds = Math.Max(1, (int)Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: 429, type: PlatformExceptionHandler.TypePrefix + "sign-in-throttled",
                    title: http.Render(Wording.Of(PersonnelMessages.SignInThrottledTitle)),
                    detail: http.Render(Wording.Of(PersonnelMessages.SignInThrottled, seconds)));
            default:
                return TypedResults.Problem(statusCode: 401, type: PlatformExceptionHandler.TypePrefix + "invalid-credentials",
                    title: http.Render(Wording.Of(PersonnelMessages.InvalidCredentialsTitle)), detail: http.Render(Wording.Of(PersonnelMessages.InvalidCredentials)));
        }
    }

    public static Ok<JwkSet> Jwks(SigningKey key) => TypedResults.Ok(new JwkSet([key.PublishedJwk]));

    /// <summary>Read by the gateway and the services every few seconds; stamps are random, so the list names nobody.</summary>
    public static async Task<Ok<RevokedSessionList>> RevokedSessions(ISessionRevocationSource source, CancellationToken ct) =>
        TypedResults.Ok(new RevokedSessionList(await source.ReadAsync(ct)));
}
