using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Platform.Web.Components.Layout;
using Platform.Web.Components.Pages.Office;

namespace Platform.Web.Tests;

/// <summary>
/// The commune office's components with logic: a person's gaps said in words (the tick only repeats "met"), the registry's
/// filters, a desk period's state in words, and who sees the office's menu.
/// </summary>
public sealed class OfficeComponentsTests : BunitContext
{
    public OfficeComponentsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void Gaps_are_counted_and_listed_each_with_a_capital()
    {
        var list = Render<GapList>(p => p.Add(g => g.Title, "Bộ phận một cửa").Add(g => g.TestId, "desk-gaps").Add(g => g.MetText, "Đạt.")
            .Add(g => g.Gaps, ["thiếu trình độ: Trung cấp", "chưa hoàn thành: Bồi dưỡng một cửa"]));

        Assert.Contains("Còn thiếu 2:", list.Markup);
        Assert.Equal(["Thiếu trình độ: Trung cấp", "Chưa hoàn thành: Bồi dưỡng một cửa"], list.FindAll("li").Select(li => li.TextContent));
        Assert.Empty(list.FindAll("[data-testid=desk-gaps-none]"));
    }

    [Fact]
    public void No_gap_is_said_in_words_and_a_framework_that_is_not_the_persons_says_why()
    {
        var met = Render<GapList>(p => p.Add(g => g.Title, "Vị trí").Add(g => g.TestId, "position-gaps").Add(g => g.MetText, "Đạt khung năng lực của vị trí.")
            .Add(g => g.Gaps, []));
        Assert.Equal("Đạt khung năng lực của vị trí.", met.Find("[data-testid=position-gaps-none]").TextContent.Trim());

        var cadre = Render<GapList>(p => p.Add(g => g.Title, "Một cửa").Add(g => g.TestId, "desk-gaps").Add(g => g.MetText, "Đạt.")
            .Add(g => g.Gaps, ["chưa hoàn thành: X"]).Add(g => g.NotApplicable, "Chỉ công chức mới được phân công."));
        Assert.Contains("Chỉ công chức mới được phân công.", cadre.Markup);
        Assert.Empty(cadre.FindAll("li"));
    }

    [Theory]
    [InlineData("2015-07-09", null, "Đang làm việc")]
    [InlineData("2026-12-10", null, "Sắp bắt đầu")]
    [InlineData("2026-01-05", "2026-12-02", "Làm việc đến hết ngày 02/12/2026")]
    [InlineData("2026-01-05", "2026-12-01", "Đã kết thúc")]
    [InlineData("2026-12-10", "2026-12-09", "Đã hủy")]
    public void A_desk_period_says_where_it_stands_today(string from, string? until, string words)
    {
        var period = new DeskPeriodDto("mt-tu-phap", DateOnly.Parse(from), until is null ? null : DateOnly.Parse(until));
        Assert.Equal(words, period.StateOn(Today));
        Assert.Equal(until is null, period.IsOpen);
    }

    [Fact]
    public void The_registry_filters_on_every_facet_together()
    {
        StaffMemberDto Person(string id, string kind, string position, string status, string? hamlet) =>
            new() { Id = id, FullName = id, Kind = kind, Position = position, Status = status, Hamlet = hamlet };
        StaffMemberDto[] staff =
        [
            Person("a", "civil-servant", "tu-phap-ho-tich", "active", null), Person("b", "civil-servant", "van-hoa-xa-hoi", "on-leave", null),
            Person("c", "non-specialized", "truong-ap", "active", "ap-3"), Person("d", "non-specialized", "truong-ap", "left", "ap-1"),
        ];
        string[] Shown(RegistryFilter filter) => [.. staff.Where(filter.Matches).Select(s => s.Id)];

        Assert.Equal(["a", "b", "c", "d"], Shown(new RegistryFilter()));
        Assert.Equal(["a", "b"], Shown(new RegistryFilter(Kind: "civil-servant")));
        Assert.Equal(["c", "d"], Shown(new RegistryFilter(Position: "truong-ap")));
        Assert.Equal(["a", "c"], Shown(new RegistryFilter(Status: "active")));
        Assert.Equal(["c"], Shown(new RegistryFilter(Position: "truong-ap", Status: "active", Hamlet: "ap-3")));
        Assert.Empty(Shown(new RegistryFilter(Kind: "cadre")));
    }

    [Theory]
    [InlineData("commune-office", true)]
    [InlineData("desk-officer", false)]
    [InlineData("commune-leader", false)]
    [InlineData("front", false)]
    [InlineData("district-officer", false)]
    public void Only_the_office_has_the_office_menu(string role, bool office)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", role)], "test", "name", "role"));
        Assert.Equal(office, StaffMenu.IsOffice(user));
    }

    [Fact]
    public void The_words_of_the_registry_cover_every_kind_and_status_the_API_sends()
    {
        Assert.Equal(["Cán bộ", "Công chức", "Người hoạt động không chuyên trách"], new[] { "cadre", "civil-servant", "non-specialized" }.Select(OfficeText.Kind));
        Assert.Equal(["Đang công tác", "Tạm nghỉ", "Đã nghỉ việc"], new[] { "active", "on-leave", "left" }.Select(OfficeText.Status));
    }

    [Fact]
    public void An_empty_choice_the_API_refused_is_asked_for_in_words_and_other_errors_are_the_APIs()
    {
        var problem = new Platform.Web.Api.ApiProblem
        {
            Errors = new() { ["kind"] = ["Phải là một trong các giá trị: cadre, civil-servant."], ["phone"] = ["Số điện thoại phải có từ 9 đến 12 chữ số."] },
        };
        var form = Render<StaffFactsFields>(p => p.Add(f => f.Facts, new StaffFacts { Phone = "12" }).Add(f => f.Positions, []).Add(f => f.Hamlets, [])
            .Add(f => f.Problem, problem));

        Assert.Contains("Hãy chọn loại cán bộ.", form.Markup);
        Assert.DoesNotContain("civil-servant", form.Markup);
        Assert.Contains("Số điện thoại phải có từ 9 đến 12 chữ số.", form.Markup);
        Assert.DoesNotContain("Hãy chọn vị trí việc làm.", form.Markup); // the API did not refuse it: nothing said yet
    }
}
