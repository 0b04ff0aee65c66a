using System.Net;
using System.Text.Json;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>
/// Every (state, action) pair of an ordinary dossier: the lifecycle allows exactly these, and refuses the rest with a 409
/// illegal-transition that names the current state and leaves the dossier untouched.
/// </summary>
public sealed class TransitionMatrixTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private static readonly string[] States = ["received", "in-progress", "supplement-requested", "resolved", "returned", "withdrawn"];

    private static readonly Dictionary<string, string> Vietnamese = new()
    {
        ["received"] = "Đã tiếp nhận", ["in-progress"] = "Đang giải quyết", ["supplement-requested"] = "Yêu cầu bổ sung hồ sơ",
        ["resolved"] = "Đã có kết quả", ["returned"] = "Đã trả kết quả", ["withdrawn"] = "Đã rút hồ sơ",
    };

    /// <summary>Action → the states it is allowed from, and the state it leads to (null: unchanged).</summary>
    private static readonly Dictionary<string, (string[] From, string? To)> Lifecycle = new()
    {
        ["assign"] = (["received", "in-progress"], "in-progress"),
        ["request-supplement"] = (["received", "in-progress"], "supplement-requested"),
        ["supplement-received"] = (["supplement-requested"], "in-progress"),
        ["resolve"] = (["in-progress"], "resolved"),
        ["return"] = (["resolved"], "returned"),
        ["apologize"] = (["received", "in-progress", "supplement-requested"], null),
        ["withdraw"] = (["received", "in-progress", "supplement-requested"], "withdrawn"),
    };

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        foreach (var action in Lifecycle.Keys)
            data.Add(state, action);
        return data;
    }

    private static object? Body(string action) => action switch
    {
        "assign" => new { staffId = Seed.DeskOfficer },
        "request-supplement" => new { reason = "Thiếu giấy tờ" },
        "resolve" => new { outcome = "approved", note = "Đủ điều kiện" },
        "apologize" => new { reason = "Chờ xác minh", newDueDate = "2025-10-15" },
        _ => null,
    };

    /// <summary>A fresh dossier (received Monday 6 October 2025, due 13 October) brought to <paramref name="state"/>.</summary>
    private async Task<string> DossierInAsync(string state)
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var id = (await host.ReceiveAsync()).Str("id");
        switch (state)
        {
            case "withdrawn":
                await host.DoAsync(id, "withdraw");
                break;
            case "in-progress" or "supplement-requested" or "resolved" or "returned":
                await host.AssignAsync(id);
                if (state == "supplement-requested") await host.DoAsync(id, "request-supplement", new { reason = "Thiếu giấy tờ" });
                if (state is "resolved" or "returned") await host.ApproveAsync(id);
                if (state == "returned") await host.DoAsync(id, "return");
                break;
        }
        Assert.Equal(state, (await host.GetDossierAsync(id)).Str("status"));
        return id;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Each_action_is_allowed_from_exactly_its_states(string state, string action)
    {
        var id = await DossierInAsync(state);
        var before = await host.GetDossierAsync(id);
        var (from, to) = Lifecycle[action];

        var response = await host.TryAsync(id, action, Body(action));

        if (from.Contains(state))
        {
            await response.JsonAsync(HttpStatusCode.OK);
            var after = await host.GetDossierAsync(id);
            Assert.Equal(to ?? state, after.Str("status"));
            Assert.Equal(before.GetProperty("history").GetArrayLength() + 1, after.GetProperty("history").GetArrayLength());
        }
        else
        {
            var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "illegal-transition");
            Assert.Contains($"hồ sơ đang ở trạng thái {Vietnamese[state]};", problem.Str("detail"));
            var after = await host.GetDossierAsync(id);
            Assert.Equal(before.GetRawText(), after.GetRawText());
        }
    }

    private static readonly string[] Actions =
        ["assign", "request-supplement", "supplement-received", "resolve", "apologize", "return", "withdraw", "complete-step"];

    public static TheoryData<string, string> EveryAction()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        foreach (var action in Actions)
            data.Add(state, action);
        return data;
    }

    /// <summary>An interconnected dossier (so that a step can be completed) brought to <paramref name="state"/>; decided by refusal.</summary>
    private async Task<string> InterconnectedInAsync(string state)
    {
        host.Clock.SetLocal(2025, 10, 6, 9, 0);
        var id = (await host.ReceiveAsync("lien-thong-khai-sinh-thuong-tru-bhyt")).Str("id");
        if (state == "withdrawn") await host.DoAsync(id, "withdraw");
        if (state is "in-progress" or "supplement-requested" or "resolved" or "returned") await host.AssignAsync(id);
        if (state == "supplement-requested") await host.DoAsync(id, "request-supplement", new { reason = "Thiếu giấy tờ" });
        if (state is "resolved" or "returned") await host.DoAsync(id, "resolve", new { outcome = "refused", note = "Không đủ điều kiện" });
        if (state == "returned") await host.DoAsync(id, "return");
        return id;
    }

    private static IReadOnlyList<string?> AllowedActions(JsonElement dossier) =>
        dossier.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();

    [Theory]
    [MemberData(nameof(EveryAction))]
    public async Task Every_listed_action_succeeds_and_every_other_is_409(string state, string action)
    {
        var id = await InterconnectedInAsync(state);
        var listed = AllowedActions(await host.GetDossierAsync(id)).Contains(action);

        var response = action == "complete-step"
            ? await host.Client.PostJsonAsync($"{Desk.Dossiers()}/{id}/steps/0/complete", host.Desk, null)
            : await host.TryAsync(id, action, action switch
            {
                "resolve" => new { outcome = "refused", note = "Không đủ điều kiện" },
                "apologize" => new { reason = "Chờ xác minh", newDueDate = "2025-12-31" },
                _ => Body(action),
            });

        Assert.True(listed ? response.StatusCode == HttpStatusCode.OK : response.StatusCode == HttpStatusCode.Conflict,
            $"{action} from {state} is {(listed ? "listed" : "not listed")} but answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(Lifecycle.GetValueOrDefault(action).From?.Contains(state) ?? state == "in-progress", listed);
    }

    [Fact]
    public async Task The_actions_follow_the_steps_and_the_appointment_date()
    {
        var id = await InterconnectedInAsync("in-progress");
        var dossier = await host.GetDossierAsync(id);
        for (var step = 0; step < dossier.GetProperty("steps").GetArrayLength(); step++)
        {
            Assert.Contains("complete-step", AllowedActions(await host.GetDossierAsync(id)));
            await host.Client.PostJsonAsync($"{Desk.Dossiers()}/{id}/steps/{step}/complete", host.Desk, null).JsonAsync(HttpStatusCode.OK);
        }
        Assert.DoesNotContain("complete-step", AllowedActions(await host.GetDossierAsync(id)));
        await host.Client.PostJsonAsync($"{Desk.Dossiers()}/{id}/steps/0/complete", host.Desk, null).ProblemAsync(HttpStatusCode.Conflict);

        // The day after the appointment, no apology may be issued any more (422 apology-too-late), so none is offered.
        var appointment = DateOnly.Parse(dossier.Str("dueDate"), System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
        host.Clock.SetLocal(appointment.Year, appointment.Month, appointment.Day, 9, 0);
        Assert.Contains("withdraw", AllowedActions(await host.GetDossierAsync(id)));
        Assert.DoesNotContain("apologize", AllowedActions(await host.GetDossierAsync(id)));
        await host.TryAsync(id, "apologize", new { reason = "Chậm", newDueDate = "2026-02-27" }).ProblemAsync(HttpStatusCode.UnprocessableEntity, "apology-too-late");
    }
}
