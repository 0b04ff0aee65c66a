using System.Net;
using Microsoft.Extensions.Configuration.Memory;
using Personnel.Api.Infrastructure;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Standalone;

/// <summary>
/// Embedded defaults for one office PC: SQLite and the signing key under ./data, in-memory bus and cache, and demo
/// mode, which listens on loopback only. Anything set in appsettings, the environment or the command line wins.
/// </summary>
public static class StandaloneHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static void AddEmbeddedDefaults(this WebApplicationBuilder builder)
    {
        var demo = builder.Configuration.GetValue("Demo:Enabled", true);
        var data = builder.Configuration["Storage:DataDirectory"] ?? "data";
        var defaults = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Storage:DataDirectory"] = data,
            ["Auth:SigningKeyFile"] = Path.Combine(data, "signing-key.pem"),
            ["Auth:CreateSigningKey"] = "true",
            ["urls"] = DefaultUrl,
        };
        // The web app in this process calls the API over loopback with its citizen's address in X-Forwarded-For: trust
        // loopback (only) as a proxy, or every citizen would share one anonymous rate limit. An ingress in front of this
        // host goes at index 2 and beyond (Edge__TrustedProxies__2=...): indexes 0 and 1 replace these.
        for (var i = 0; i < TrustedProxies.Loopback.Count; i++) defaults[$"Edge:TrustedProxies:{i}"] = TrustedProxies.Loopback[i];
        if (demo)
        {
            defaults["Bootstrap:District:Code"] = "giong-trom";
            defaults["Bootstrap:District:Name"] = "Huyện Giồng Trôm";
            defaults["Bootstrap:District:Kind"] = "district";
            defaults["Bootstrap:Admin:Username"] = "noivu.giongtrom";
            defaults["Bootstrap:Admin:DisplayName"] = "Phòng Nội vụ huyện Giồng Trôm";
            defaults["Bootstrap:Admin:Password"] = DemoData.Password;
        }
        // Lowest precedence: below appsettings.json, the environment and the command line.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
    }

    /// <summary>
    /// Demo mode is not a back door: it serves loopback only, and a host serving a network refuses to start
    /// while any account still has the demo password.
    /// </summary>
    public static async Task<string?> RefusalAsync(WebApplication app)
    {
        var configuration = app.Configuration;
        var urls = (configuration["urls"] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            var exposed = urls.Where(u => !IsLoopback(u)).ToList();
            return exposed.Count == 0 ? null
                : $"Demo mode listens on loopback only, not on {string.Join(", ", exposed)}. Set Demo:Enabled=false and configure real accounts to serve a network.";
        }
        if (configuration["Bootstrap:Admin:Password"] == DemoData.Password)
            return "Bootstrap:Admin:Password is the demo password; choose another.";
        var weak = await app.Services.GetRequiredService<PersonnelBootstrap>().AccountsWithSecretAsync(DemoData.Password, CancellationToken.None);
        return weak.Count == 0 ? null
            : $"These accounts still have the demo password: {string.Join(", ", weak)}. Change them (or start in demo mode on loopback).";
    }

    private static bool IsLoopback(string url)
    {
        var host = new Uri(url.Replace("://*", "://wildcard").Replace("://+", "://wildcard")).Host;
        return host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    public static void PrintBanner(WebApplication app)
    {
        var baseUrl = app.Urls.FirstOrDefault() ?? DefaultUrl;
        var demo = app.Configuration.GetValue<bool>("Demo:Enabled");
        Console.WriteLine();
        Console.WriteLine("Nền tảng thi đua cải cách hành chính: standalone host");
        Console.WriteLine($"  Base URL:   {baseUrl}");
        Console.WriteLine($"  Citizens:   {baseUrl}/?xa={{commune}}   (feedback, tracking, survey, published answers, dossier lookup)");
        Console.WriteLine($"  Staff:      {baseUrl}/can-bo   (the commune's feedback desk)");
        Console.WriteLine($"  API docs:   {baseUrl}/docs");
        Console.WriteLine($"  Health:     {baseUrl}/health/ready");
        Console.WriteLine($"  Data:       {Path.GetFullPath(app.Configuration["Storage:DataDirectory"]!)}");
        if (demo)
        {
            Console.WriteLine("  DEMO MODE: Giồng Trôm district, Mỹ Thạnh and Lương Hòa communes; loopback only.");
            Console.WriteLine($"  Mỹ Thạnh's citizens' page: {baseUrl}/?xa=my-thanh");
            Console.WriteLine($"  Demo accounts (password {DemoData.Password}):");
            foreach (var account in DemoData.Accounts)
                Console.WriteLine($"    {account.Username,-18} {account.Roles,-42} {account.Who}");
            Console.WriteLine($"  Sign in: curl -s {baseUrl}/api/auth/token -H 'content-type: application/json' -d '{{\"username\":\"motcua.mythanh\",\"password\":\"{DemoData.Password}\"}}'");
        }
        Console.WriteLine();
    }
}
