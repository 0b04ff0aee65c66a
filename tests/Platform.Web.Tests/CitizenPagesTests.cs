using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Citizen;
using Platform.Web.Components.Shared;
using Platform.Web.Session;

namespace Platform.Web.Tests;

/// <summary>
/// Citizens' pages are rendered statically, and a render may come while a page is still reading the API (another component
/// of the page finishing its own work triggers one): a page must be renderable in every state its loading passes through.
/// </summary>
public sealed class CitizenPagesTests : BunitContext
{
    private readonly HeldApi _api = new();

    public CitizenPagesTests()
    {
        AddAuthorization();
        Services.AddMemoryCache();
        Services.AddScoped(sp => new PlatformApi(new HttpClient(_api) { BaseAddress = new Uri("http://api.test/") },
            new ApiSession(sp.GetRequiredService<AuthenticationStateProvider>()), new HttpContextAccessor()));
        Services.AddScoped<CommuneNames>();
        _api.Reply("/api/public/communes", new[] { new PublicCommune("my-thanh", "Xã Mỹ Thạnh", "UBND xã Mỹ Thạnh", new PublicDistrict("giong-trom", "Huyện Giồng Trôm", "district"), []) });
        _api.Reply("/api/public/communes/my-thanh/feedback/form", new FeedbackFormView("my-thanh", "Xã Mỹ Thạnh", "Huyện Giồng Trôm",
            [new HamletView("ap-1", "Ấp 1")], [new CategoryView("procedure", "Thủ tục hành chính"), new CategoryView("attitude", "Thái độ cán bộ")]));
    }

    [Fact]
    public void The_feedback_page_rendered_while_its_procedures_are_still_read_shows_no_half_made_form()
    {
        var procedures = _api.Hold("/api/communes/my-thanh/procedures");
        var page = Render<FeedbackPage>(p => p.Add(x => x.Commune, "my-thanh").AddCascadingValue<HttpContext>(new DefaultHttpContext()));

        page.Render(); // a render in the middle of the load, as the server's renderer may make one
        Assert.Empty(page.FindAll("#feedback-form"));

        procedures.SetResult(Array.Empty<object>());
        page.WaitForElement("#feedback-form", TimeSpan.FromSeconds(30)); // a bound, not a speed target: a loaded CI machine is slow
        Assert.Equal(["Thủ tục hành chính", "Thái độ cán bộ"], page.FindAll("#category-choices .choice span").Select(s => s.TextContent));
        Assert.True(page.Find("#category-procedure").HasAttribute("checked"), "the first category is chosen");
    }

    /// <summary>The API as the page sees it: canned answers per path, and answers held until the test gives them.</summary>
    private sealed class HeldApi : HttpMessageHandler
    {
        private readonly Dictionary<string, string> _answers = [];
        private readonly Dictionary<string, TaskCompletionSource<object>> _held = [];

        public void Reply(string path, object body) => _answers[path] = JsonSerializer.Serialize(body, PlatformApi.Json);

        public TaskCompletionSource<object> Hold(string path) =>
            _held[path] = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var json = _held.TryGetValue(path, out var held) ? JsonSerializer.Serialize(await held.Task, PlatformApi.Json)
                : _answers.TryGetValue(path, out var answer) ? answer : null;
            return json is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"status\":404}", Encoding.UTF8, "application/problem+json") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
