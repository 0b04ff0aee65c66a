using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Platform.Web.Components.Pages.Desk;

namespace Platform.Web.Tests;

/// <summary>
/// The desk's components with logic: the queue's urgency said in words (colour only repeats it), and the dossier's
/// actions: what the API says the state allows, within what the user's roles may do.
/// </summary>
public sealed class DeskComponentsTests : BunitContext
{
    public DeskComponentsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static ClaimsPrincipal UserWith(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim("role", r)).Append(new Claim("name", "Trần Thị Mai")), "test", "name", "role"));

    private static DossierView Dossier(string status, params string[] allowed) => new()
    {
        Id = "d1", ReceiptNo = "2026-000001", ProcedureCode = "ho-tich-ket-hon", ProcedureName = "Đăng ký kết hôn", Field = "tu-phap-ho-tich",
        Applicant = new ApplicantView("Nguyễn Văn An", "0912345678", null), Status = status, AllowedActions = allowed,
    };

    [Theory]
    [InlineData("overdue", "Quá hạn")]
    [InlineData("due-today", "Đến hạn hôm nay")]
    [InlineData("due-soon", "Sắp đến hạn")]
    public void Urgency_is_said_in_words_and_marked_for_the_row(string urgency, string words)
    {
        var badge = Render<UrgencyBadge>(p => p.Add(b => b.Urgency, urgency));

        var chip = badge.Find($"[data-urgency={urgency}]");
        Assert.Contains(words, chip.TextContent);
        Assert.Equal("row-" + urgency, UrgencyBadge.RowClass(urgency));
    }

    [Fact]
    public void A_dossier_within_its_time_says_so_in_the_queue_and_nothing_on_its_page()
    {
        Assert.Contains("Trong hạn", Render<UrgencyBadge>(p => p.Add(b => b.ShowInTime, true)).Find("[data-urgency=none]").TextContent);
        Assert.Empty(Render<UrgencyBadge>().FindAll("[data-urgency]"));
        Assert.Equal("", UrgencyBadge.RowClass(null));
    }

    [Fact]
    public void The_desk_officer_is_offered_exactly_what_the_state_allows_in_the_desk_order()
    {
        var actions = Render<DossierActions>(p => p
            .Add(a => a.Dossier, Dossier("received", "withdraw", "assign", "request-supplement", "apologize"))
            .Add(a => a.User, UserWith("desk-officer")));

        Assert.Equal(["assign", "request-supplement", "apologize", "withdraw"], actions.FindAll("[data-action]").Select(b => b.GetAttribute("data-action")));
        Assert.Contains("Phân công xử lý", actions.Find("[data-action=assign]").TextContent);
    }

    [Fact]
    public void The_leader_may_assign_resolve_and_apologize_but_not_hand_back_or_withdraw()
    {
        var actions = Render<DossierActions>(p => p
            .Add(a => a.Dossier, Dossier("in-progress", "assign", "resolve", "apologize", "request-supplement", "withdraw"))
            .Add(a => a.User, UserWith("commune-leader")));

        Assert.Equal(["assign", "resolve", "apologize"], actions.FindAll("[data-action]").Select(b => b.GetAttribute("data-action")));
    }

    [Fact]
    public void A_closed_dossier_offers_nothing_and_says_so()
    {
        var actions = Render<DossierActions>(p => p.Add(a => a.Dossier, Dossier("returned")).Add(a => a.User, UserWith("desk-officer")));

        Assert.Empty(actions.FindAll("[data-action]"));
        Assert.Contains("không còn bước nào", actions.Markup);
    }

    [Fact]
    public void An_action_the_state_allows_but_no_role_of_the_user_may_take_is_not_offered()
    {
        var actions = Render<DossierActions>(p => p.Add(a => a.Dossier, Dossier("resolved", "return")).Add(a => a.User, UserWith("commune-office")));

        Assert.Empty(actions.FindAll("[data-action]"));
    }

    [Fact]
    public void Choosing_an_action_tells_the_page_which()
    {
        string? chosen = null;
        var actions = Render<DossierActions>(p => p
            .Add(a => a.Dossier, Dossier("in-progress", "resolve"))
            .Add(a => a.User, UserWith("desk-officer"))
            .Add(a => a.Chosen, (string a) => chosen = a));

        actions.Find("[data-action=resolve]").Click();

        Assert.Equal("resolve", chosen);
    }
}
