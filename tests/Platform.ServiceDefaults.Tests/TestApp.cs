using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Hosting;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A small web app on the shared defaults, served by Kestrel on a free loopback port.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, string directory)
    {
        App = app;
        Directory = directory;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }
    public string Directory { get; }
    public static string NewSigningKeyPem() => RSA.Create(2048).ExportPkcs8PrivateKeyPem();

    public static async Task<TestApp> StartAsync(Action<WebApplicationBuilder>? configure, Action<WebApplication> map, IDictionary<string, string?>? settings = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("app-").FullName;
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Auth:SigningKeyPem"] = NewSigningKeyPem();
        builder.Configuration["Storage:DataDirectory"] = directory;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.Configuration[key] = value;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults("test");
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseServiceDefaults(mapOpenApi: false);
        map(app);
        await app.StartAsync();
        return new TestApp(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
