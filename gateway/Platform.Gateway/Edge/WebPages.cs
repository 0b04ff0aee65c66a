using System.Reflection;

namespace Platform.Gateway.Edge;

/// <summary>
/// The web pages: the citizens' (<c>/</c>: feedback, tracking, survey, published answers, dossier lookup) and the commune
/// staff's feedback desk (<c>/can-bo</c>), embedded in the gateway's assembly so that the gateway and the standalone host
/// serve the same files with no web root to deploy.
/// </summary>
public static class WebPages
{
    private static readonly IReadOnlyDictionary<string, (string ContentType, byte[] Body)> Files = Load();

    // Only our own scripts and styles, and no framing: whatever a citizen typed can never run as a script here.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder routes)
    {
        foreach (var (path, file) in Files)
            routes.MapMethods(path switch { "/index.html" => "/", "/staff.html" => "/can-bo", _ => path }, [HttpMethods.Get, HttpMethods.Head], (HttpContext http) => Serve(http, file)).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static IResult Serve(HttpContext http, (string ContentType, byte[] Body) file)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Bytes(file.Body, file.ContentType);
    }

    private static Dictionary<string, (string, byte[])> Load()
    {
        var assembly = typeof(WebPages).Assembly;
        const string prefix = "Platform.Gateway.Web.";
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(
            name => "/" + name[prefix.Length..],
            name => (ContentTypeOf(name), Read(assembly, name)));
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
}
