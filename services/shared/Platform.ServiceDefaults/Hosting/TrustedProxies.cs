using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// The client's address from <c>X-Forwarded-For</c> (and the public scheme and host from <c>X-Forwarded-Proto</c> and
/// <c>X-Forwarded-Host</c>), believed only when the peer is one of the listed proxies (CIDRs, e.g.
/// an ingress controller's pod network, or the web app calling the API on its citizen's behalf). The caller reads the
/// list from its configuration (<c>Edge:TrustedProxies</c>). Nothing listed: the peer's own address, always.
/// </summary>
public static class TrustedProxies
{
    /// <summary>Loopback, IPv4 and IPv6: where a web app in the same host or on the same machine calls from.</summary>
    public static readonly IReadOnlyList<string> Loopback = ["127.0.0.1/32", "::1/128"];

    public static WebApplication UseTrustedProxies(this WebApplication app, IReadOnlyCollection<string>? networks)
    {
        if (networks is not { Count: > 0 }) return app;
        // The scheme too: behind a TLS-terminating ingress the session cookie must still be marked Secure; and the host, for
        // absolute links (the radio feed). From anyone else, all three headers are ignored.
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost, ForwardLimit = 1,
        };
        // Only what is listed: the framework's defaults would also trust all of 127.0.0.0/8 and ::1.
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        foreach (var network in networks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        app.UseForwardedHeaders(forwarded);
        return app;
    }
}
