using System.Collections.Concurrent;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Personnel;

namespace Platform.ServiceDefaults.Security;

/// <summary>A revoked security stamp: tokens carrying it are refused until they would have expired anyway.</summary>
public sealed record RevokedSession(string Stamp, DateTime Until);

/// <summary>The issuer's list of revoked stamps (personnel's <c>/api/auth/revoked-sessions</c>), like its JWKS.</summary>
public sealed record RevokedSessionList(IReadOnlyList<RevokedSession> Sessions);

/// <summary>
/// The security stamps this process refuses. Fed by <see cref="AccountSessionsRevoked"/> events where there is a bus (at
/// once) and by <see cref="SessionRevocationFeed"/>, which reads the issuer's whole list every few seconds (after a
/// restart, a broker outage, or in the gateway, which has no bus). A stamp is random: the list names nobody.
/// </summary>
public sealed class SessionRevocations(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTime> _revoked = new(StringComparer.Ordinal);

    public int Count => _revoked.Count;

    public void Revoke(string stamp, DateTime until) =>
        _revoked.AddOrUpdate(stamp, until, (_, known) => known > until ? known : until);

    public void RevokeAll(IEnumerable<RevokedSession> sessions)
    {
        foreach (var session in sessions) Revoke(session.Stamp, session.Until);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (stamp, until) in _revoked)
            if (until <= now) _revoked.TryRemove(stamp, out _);
    }

    public bool IsRevoked(string? stamp) =>
        stamp is not null && _revoked.TryGetValue(stamp, out var until) && until > time.GetUtcNow().UtcDateTime;
}

/// <summary>Where a process reads the whole list of revoked stamps: the issuer's HTTP endpoint, or (in personnel) its store.</summary>
public interface ISessionRevocationSource
{
    Task<IReadOnlyList<RevokedSession>> ReadAsync(CancellationToken ct);
}

/// <summary>The issuer's list over HTTP: <c>Auth:RevokedSessionsUrl</c>, by default next to <c>Auth:JwksUrl</c>.</summary>
public sealed class HttpSessionRevocationSource(HttpClient http, Uri url) : ISessionRevocationSource
{
    public static Uri? UrlFrom(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration["Auth:RevokedSessionsUrl"] is { Length: > 0 } explicitUrl ? new Uri(explicitUrl)
        : configuration["Auth:JwksUrl"] is { Length: > 0 } jwks ? new Uri(new Uri(jwks), "revoked-sessions")
        : null;

    public async Task<IReadOnlyList<RevokedSession>> ReadAsync(CancellationToken ct) =>
        (await http.GetFromJsonAsync<RevokedSessionList>(url, PlatformJson.Options, ct))?.Sessions ?? [];
}

/// <summary>Reads the whole list every <c>Auth:RevokedSessionsRefreshSeconds</c> (15): the bound on how late a revocation lands.</summary>
public sealed class SessionRevocationFeed(ISessionRevocationSource source, SessionRevocations revocations, TimeProvider time,
    TimeSpan every, ILogger<SessionRevocationFeed> logger) : BackgroundService
{
    /// <summary>The first read before the process serves: a restarted process must not accept what was revoked before it.</summary>
    public override async Task StartAsync(CancellationToken ct)
    {
        await ReadAsync(ct);
        await base.StartAsync(ct);
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        try
        {
            revocations.RevokeAll(await source.ReadAsync(ct));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The issuer is unreachable: keep refusing what is known; events still arrive.
            logger.LogWarning(e, "The list of revoked sessions could not be read; keeping the {Count} known", revocations.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await ReadAsync(stoppingToken);
        }
    }
}

/// <summary>Every process refuses the revoked stamp at once. Its queue is the process's own (temporary): each replica hears it.</summary>
public sealed class AccountSessionsRevokedConsumer(SessionRevocations revocations) : IConsumer<AccountSessionsRevoked>
{
    public Task Consume(ConsumeContext<AccountSessionsRevoked> context)
    {
        revocations.Revoke(context.Message.Stamp, context.Message.Until);
        return Task.CompletedTask;
    }
}
