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
            .WithSummary("Sign in with a username and password, or a client id and secret, for a bearer token.");
        auth.MapGet("/jwks", Jwks).WithSummary("The public keys that verify the platform's tokens.");
        return routes;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, Credentials credentials, TokenIssuer issuer, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var isClient = request.ClientId is not null;
        var (name, secret) = isClient ? (request.ClientId, request.ClientSecret) : (request.Username, request.Password);
        var validation = new InputValidation();
        if (isClient)
            validation.RequireText(name, "clientId", 100).RequireText(secret, "clientSecret", 200);
        else
            validation.RequireText(name, "username", 100).RequireText(secret, "password", 200);
        validation.ThrowIfInvalid();

        var (result, account, lockedUntil) = await credentials.SignInAsync(name!, secret!, isClient, ct);
        switch (result)
        {
            case SignInResult.Succeeded:
                var token = issuer.Issue(account!);
                return TypedResults.Ok(new TokenResponse(token.AccessToken, token.TokenType, token.ExpiresIn));
            case SignInResult.Locked:
                var retryAfter = (int)Math.Ceiling((lockedUntil!.Value - time.GetUtcNow().UtcDateTime).TotalSeconds);
                http.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: 429, type: PlatformExceptionHandler.TypePrefix + "account-locked",
                    title: http.Render(Wording.Of(PersonnelMessages.AccountLockedTitle)),
                    detail: http.Render(Wording.Of(PersonnelMessages.AccountLocked, lockedUntil)));
            default:
                return TypedResults.Problem(statusCode: 401, type: PlatformExceptionHandler.TypePrefix + "invalid-credentials",
                    title: http.Render(Wording.Of(PersonnelMessages.InvalidCredentialsTitle)), detail: http.Render(Wording.Of(PersonnelMessages.InvalidCredentials)));
        }
    }

    public static Ok<JwkSet> Jwks(SigningKey key) => TypedResults.Ok(new JwkSet([key.PublishedJwk]));
}
