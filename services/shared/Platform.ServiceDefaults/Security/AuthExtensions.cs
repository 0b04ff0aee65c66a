using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

public static class AuthExtensions
{
    /// <summary>How long after its expiry a token is still accepted (clocks of issuer and validator differ).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public const string DefaultIssuer = "cchc-platform";
    public const string DefaultAudience = "cchc-platform";

    /// <summary>
    /// JWT bearer validation with keys from, in order: the signing key this process holds (personnel, the standalone
    /// host), <c>Auth:JwksUrl</c>, or an OIDC <c>Auth:Authority</c>. One policy per role, each with the tenancy rule.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformAuth(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var signingKey = SigningKey.FromConfiguration(configuration);
        if (signingKey is not null) builder.Services.AddSingleton(signingKey);
        var jwksUrl = configuration["Auth:JwksUrl"];
        var authority = configuration["Auth:Authority"];
        if (signingKey is null && string.IsNullOrWhiteSpace(jwksUrl) && string.IsNullOrWhiteSpace(authority))
            throw new InvalidOperationException("Token validation needs Auth:SigningKeyFile, Auth:SigningKeyPem, Auth:JwksUrl or Auth:Authority.");

        builder.Services.AddHttpClient(nameof(JwksConfigurationManager));
        builder.AddSessionRevocations();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IHttpClientFactory, TimeProvider>((options, http, time) =>
        {
            options.MapInboundClaims = false;
            options.Events = new JwtBearerEvents
            {
                // The issuer's keys could not be read (personnel down at a cold start): the token is neither
                // valid nor invalid. Treat the caller as anonymous (public routes still answer, staff routes 401)
                // rather than letting the failure become a 500.
                OnAuthenticationFailed = context =>
                {
                    if (context.Exception is SigningKeysUnavailableException)
                    {
                        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Auth")
                            .LogWarning(context.Exception, "Token not checked: the signing keys are unavailable");
                        context.NoResult();
                    }
                    return Task.CompletedTask;
                },
                // Disabled, password reset, staff member left: the token's stamp is revoked, so it is as good as expired.
                OnTokenValidated = context =>
                {
                    var revocations = context.HttpContext.RequestServices.GetRequiredService<SessionRevocations>();
                    if (revocations.IsRevoked(context.Principal?.FindFirst(ClaimNames.SecurityStamp)?.Value))
                        context.Fail("The session was revoked.");
                    return Task.CompletedTask;
                },
            };
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = configuration["Auth:Issuer"] ?? DefaultIssuer,
                ValidAudience = configuration["Auth:Audience"] ?? DefaultAudience,
                NameClaimType = ClaimNames.Name,
                RoleClaimType = ClaimNames.Role,
                ClockSkew = ClockSkew,
            };
            if (signingKey is not null)
                options.TokenValidationParameters.IssuerSigningKey = signingKey.PublicKey;
            else if (!string.IsNullOrWhiteSpace(jwksUrl))
                options.ConfigurationManager = new JwksConfigurationManager(new Uri(jwksUrl), http.CreateClient(nameof(JwksConfigurationManager)), time);
            else
            {
                options.Authority = authority;
                options.RequireHttpsMetadata = configuration.GetValue("Auth:RequireHttpsMetadata", true);
            }
        });

        builder.Services.AddSingleton<IAuthorizationHandler, TenantAuthorizationHandler>();
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(TenantPolicy().Build())
            .AddRolePolicies();
        return builder;
    }

    /// <summary>
    /// The revoked stamps this process refuses, read every <c>Auth:RevokedSessionsRefreshSeconds</c> (15) from the issuer
    /// (a process holding the issuer's store registers its own <see cref="ISessionRevocationSource"/>), and fed at once by
    /// <see cref="Platform.Contracts.Personnel.AccountSessionsRevoked"/> where the process has a bus.
    /// </summary>
    private static void AddSessionRevocations(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<SessionRevocations>();
        var url = HttpSessionRevocationSource.UrlFrom(builder.Configuration);
        if (url is not null)
        {
            builder.Services.AddHttpClient(nameof(HttpSessionRevocationSource), c => c.Timeout = TimeSpan.FromSeconds(5));
            builder.Services.TryAddSingleton<ISessionRevocationSource>(sp =>
                new HttpSessionRevocationSource(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HttpSessionRevocationSource)), url));
        }
        var every = TimeSpan.FromSeconds(builder.Configuration.GetValue("Auth:RevokedSessionsRefreshSeconds", 15.0));
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetService<ISessionRevocationSource>() is { } source
            ? new SessionRevocationFeed(source, sp.GetRequiredService<SessionRevocations>(), sp.GetRequiredService<TimeProvider>(), every,
                sp.GetRequiredService<ILogger<SessionRevocationFeed>>())
            : new NoFeed());
    }

    /// <summary>No issuer list to read (an outside OIDC issuer): tokens end when they expire.</summary>
    private sealed class NoFeed : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var role in Roles.All) authorization.AddPolicy(role, TenantPolicy().RequireRole(role).Build());
        return authorization;
    }

    private static AuthorizationPolicyBuilder TenantPolicy() =>
        new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().AddRequirements(TenantRequirement.Instance);

    /// <summary>Any one of the roles, within the caller's tenant.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(TenantPolicy().RequireRole(roles).Build());
}
