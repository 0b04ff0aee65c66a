using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Print;
using Platform.Web.Session;

namespace Platform.Web.Tests;

/// <summary>
/// The print page <c>/in/ho-so/{id}/{form}</c>: reads the dossier of the signed-in user's commune through the API and
/// answers a page with the right status when the form does not apply, the dossier is not the commune's, or the session is gone.
/// </summary>
public sealed class PrintPageTests : BunitContext
{
    private readonly FakeApi _api = new();
    private readonly DefaultHttpContext _http = new();
    private readonly Dictionary<string, string?> _settings = [];
    private readonly StatusCodePagesFeature _statusCodePages = new();
    private readonly StartingResponse _response = new();

    public PrintPageTests()
    {
        AddAuthorization().SetAuthorized("Trần Thị Mai").SetClaims(new Claim(StaffClaims.Commune, "my-thanh"), new Claim(WebSession.AccessTokenClaim, "token"));
        Services.AddSingleton<IConfiguration>(_ => new ConfigurationBuilder().AddInMemoryCollection(_settings).Build());
        Services.AddScoped(sp => new PlatformApi(new HttpClient(_api) { BaseAddress = new Uri("http://api.test/") },
            new ApiSession(sp.GetRequiredService<AuthenticationStateProvider>()), new HttpContextAccessor()));
        _http.Features.Set<IStatusCodePagesFeature>(_statusCodePages);
        _http.Features.Set<IHttpResponseFeature>(_response);
        _http.Request.Scheme = "https";
        _http.Request.Host = new HostString("motcua.mythanh.example.vn");
        _api.Reply("/api/communes/my-thanh", HttpStatusCode.OK, Samples.MyThanh);
        _api.Reply("/api/communes/my-thanh/hotline", HttpStatusCode.OK, new
        {
            contacts = new[] { new { name = "Nguyễn Văn Hùng", title = "Phó Chủ tịch UBND xã" }, new { name = "Phạm Thanh Diễn", title = "Chủ tịch UBND xã" } },
        });
    }

    private IRenderedComponent<PrintPage> Open(string id, string form)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/in/ho-so/{id}/{form}");
        var page = Render<PrintPage>(p => p.Add(x => x.Id, id).Add(x => x.Form, form).AddCascadingValue(_http));
        _response.Start();
        return page;
    }

    /// <summary>A response whose headers go out when the test says so, as the server's do after rendering.</summary>
    private sealed class StartingResponse : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public void Start()
        {
            foreach (var (callback, state) in Enumerable.Reverse(_starting)) callback(state).GetAwaiter().GetResult();
        }
    }

    [Fact]
    public void Form_01_is_printed_for_the_commune_of_the_signed_in_user_with_the_lookup_QR_of_this_address()
    {
        _api.Reply("/api/communes/my-thanh/dossiers/d1", HttpStatusCode.OK, Samples.Received());

        var page = Open("d1", "tiep-nhan");

        Assert.Equal(200, _http.Response.StatusCode);
        Assert.Equal("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", page.Find("h1").TextContent);
        // No inline handler (the pages' content policy forbids them): print.js wires every [data-print] button.
        Assert.True(page.Find("button.print-button").HasAttribute("data-print"));
        Assert.Null(page.Find("button.print-button").GetAttribute("onclick"));
        Assert.Equal("https://motcua.mythanh.example.vn/xa/my-thanh/tra-cuu?so=2025-000123", FormsTests.DecodeQr(page.Find(".qr img").GetAttribute("src")!));
        Assert.Contains("Bearer token", _api.Authorizations);
    }

    [Fact]
    public void The_public_address_of_the_QR_code_is_a_setting()
    {
        _settings["Web:PublicBaseUrl"] = "https://dichvucong.giongtrom.example.vn/";
        _api.Reply("/api/communes/my-thanh/dossiers/d1", HttpStatusCode.OK, Samples.Returned(Samples.Received()));

        var page = Open("d1", "ket-qua");

        Assert.Equal("https://dichvucong.giongtrom.example.vn/xa/my-thanh/tra-cuu?so=2025-000123", FormsTests.DecodeQr(page.Find(".qr img").GetAttribute("src")!));
        Assert.Equal("https://dichvucong.giongtrom.example.vn/xa/my-thanh/danh-gia/KS7Q2M9X", page.Find(".survey-link").TextContent);
    }

    [Fact]
    public void Form_04_is_signed_by_the_chairman_of_the_hotline_directory()
    {
        _api.Reply("/api/communes/my-thanh/dossiers/d1", HttpStatusCode.OK, Samples.WithApology(Samples.Received(), "Chờ xác minh."));

        var page = Open("d1", "xin-loi");

        Assert.Equal("Phạm Thanh Diễn", page.Find(".signatures .right .signer").TextContent);
        // The other forms this dossier has are one click away (hidden in print).
        Assert.Equal(["/in/ho-so/d1/tiep-nhan"], page.FindAll(".print-tools .forms a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("bo-sung", "Hồ sơ 2025-000123 không có phiếu yêu cầu bổ sung (mẫu 02)")]
    [InlineData("tu-choi", "Hồ sơ 2025-000123 không có phiếu từ chối (mẫu 03)")]
    [InlineData("xin-loi", "Hồ sơ 2025-000123 không có phiếu xin lỗi (mẫu 04)")]
    [InlineData("ket-qua", "Hồ sơ 2025-000123 không có phiếu trả kết quả")]
    public void A_form_the_dossier_does_not_have_answers_409_saying_why(string form, string heading)
    {
        _api.Reply("/api/communes/my-thanh/dossiers/d1", HttpStatusCode.OK, Samples.Received());

        var page = Open("d1", form);

        Assert.Equal(409, _http.Response.StatusCode);
        Assert.Equal(heading, page.Find(".print-notice h1").TextContent);
        Assert.Contains("Tình trạng hiện tại: đã tiếp nhận.", page.Find(".print-notice").TextContent);
        Assert.Empty(page.FindAll(".sheet"));
    }

    [Fact]
    public void An_approved_dossier_has_no_refusal_form()
    {
        _api.Reply("/api/communes/my-thanh/dossiers/d1", HttpStatusCode.OK, Samples.Returned(Samples.Received()));

        Open("d1", "tu-choi");

        Assert.Equal(409, _http.Response.StatusCode);
    }

    [Fact]
    public void Another_communes_or_an_unknown_dossier_is_not_found()
    {
        _api.Reply("/api/communes/my-thanh/dossiers/khong-co", HttpStatusCode.NotFound,
            new { type = "urn:cchc:problem:not-found", title = "Not found", status = 404, detail = "Dossier 'khong-co' was not found." });

        var page = Open("khong-co", "tiep-nhan");

        Assert.Equal(404, _http.Response.StatusCode);
        Assert.Equal("Không tìm thấy hồ sơ", page.Find(".print-notice h1").TextContent);
        Assert.False(_statusCodePages.Enabled); // the page is the answer, not the platform's problem details
    }

    [Fact]
    public void An_unknown_form_is_not_found_without_asking_the_API()
    {
        var page = Open("d1", "mau-05");

        Assert.Equal(404, _http.Response.StatusCode);
        Assert.Equal("Không có mẫu phiếu này", page.Find(".print-notice h1").TextContent);
        Assert.Empty(_api.Authorizations);
    }

    [Fact]
    public void A_rejected_session_goes_back_to_sign_in_and_returns_here()
    {
        _api.Reply("/api/communes/my-thanh/dossiers/d1", HttpStatusCode.Unauthorized, new { status = 401 });

        Open("d1", "tiep-nhan");

        Assert.Equal("http://localhost/dang-nhap?returnUrl=%2Fin%2Fho-so%2Fd1%2Ftiep-nhan", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void A_refusal_of_the_API_is_shown_with_its_status_never_as_a_crash()
    {
        _api.Reply("/api/communes/my-thanh/dossiers/d1", HttpStatusCode.Forbidden, new { status = 403, title = "Forbidden" });

        var page = Open("d1", "tiep-nhan");

        Assert.Equal(403, _http.Response.StatusCode);
        Assert.Equal("Tài khoản không có quyền in phiếu", page.Find(".print-notice h1").TextContent);
    }

    /// <summary>The platform's API as the page sees it: canned answers per path.</summary>
    private sealed class FakeApi : HttpMessageHandler
    {
        private readonly Dictionary<string, (HttpStatusCode Status, string Json)> _answers = [];
        public List<string> Authorizations { get; } = [];

        public void Reply(string path, HttpStatusCode status, object body) => _answers[path] = (status, JsonSerializer.Serialize(body, PlatformApi.Json));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString() ?? "");
            var (status, json) = _answers.TryGetValue(request.RequestUri!.AbsolutePath, out var answer) ? answer : (HttpStatusCode.NotFound, "{}");
            return Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent(json, Encoding.UTF8, status == HttpStatusCode.OK ? "application/json" : "application/problem+json"),
            });
        }
    }
}
