using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

public static class AuthExtensions
{
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
            };
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = configuration["Auth:Issuer"] ?? DefaultIssuer,
                ValidAudience = configuration["Auth:Audience"] ?? DefaultAudience,
                NameClaimType = ClaimNames.Name,
                RoleClaimType = ClaimNames.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
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
