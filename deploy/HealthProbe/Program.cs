// A container health check for images without a shell, curl or wget (the chiseled .NET images):
//   dotnet /probe/HealthProbe.dll [url]
// GETs the URL (default http://127.0.0.1:{first of ASPNETCORE_HTTP_PORTS, else 8080}/health/live) and exits 0 on a
// 2xx answer within 3 s, 1 otherwise. Kubernetes does not use it: its probes call /health/live and /health/ready.
var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split(';', ',')[0].Trim();
var url = args.Length > 0 ? args[0] : $"http://127.0.0.1:{port}/health/live";
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
try
{
    using var response = await http.GetAsync(url);
    if (response.IsSuccessStatusCode) return 0;
    Console.Error.WriteLine($"{url}: {(int)response.StatusCode}");
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
{
    Console.Error.WriteLine($"{url}: {e.Message}");
}
return 1;
