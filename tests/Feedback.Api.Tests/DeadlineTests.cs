using System.Net;
using Feedback.Api.Tests.Infrastructure;

namespace Feedback.Api.Tests;

/// <summary>
/// The two deadlines of an item (someone in charge within 2 working days, the answer within 10), counted on the official
/// 2026 calendar (Platform.Calendar/Schedules/2026.json and the statutory rules): Tết off Sat 14/2–Sun 22/2; Hùng Kings'
/// day Sun 26/4, so Mon 27/4 off; 30/4 (Thu) and 1/5 (Fri) off; National Day off Sat 29/8–Wed 2/9 with Sat 22/8 worked
/// in exchange. The day of receipt counts as day 0 when it is a working day; a weekend item counts from the next one.
/// </summary>
public sealed class DeadlineTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    public static TheoryData<string, DateTimeOffset, string, string> Cases() => new()
    {
        // Fri 13/2, the last working day before Tết. Next working days: Mon 23/2 (1), Tue 24/2 (2) ... 27/2 (5), 2/3..6/3 (6..10).
        { "just before Tết", Vn.At(2026, 2, 13, 9, 0), "2026-02-24", "2026-03-06" },
        // 06:30 in Vietnam on Fri 13/2 is still Thursday 12/2 in UTC: the day counts in Vietnam's time, as above.
        { "early on the day before Tết, Thursday in UTC", Vn.At(2026, 2, 13, 6, 30), "2026-02-24", "2026-03-06" },
        // Fri 24/4: Mon 27/4 off (Hùng Kings' day on a Sunday), Tue 28/4 (1), Wed 29/4 (2); 30/4, 1/5 off;
        // 4/5 (3), 5/5 (4), 6/5 (5), 7/5 (6), 8/5 (7), 11/5 (8), 12/5 (9), 13/5 (10).
        { "before Hùng Kings' day and 30/4–1/5", Vn.At(2026, 4, 24, 10, 0), "2026-04-29", "2026-05-13" },
        // Wed 29/4: 30/4, 1/5 off, weekend; Mon 4/5 (1), Tue 5/5 (2) ... Fri 8/5 (5), 11/5..15/5 (6..10).
        { "the day before 30/4", Vn.At(2026, 4, 29, 16, 30), "2026-05-05", "2026-05-15" },
        // Sat 14/3: counts from Mon 16/3 (day 0); 17/3 (1), 18/3 (2) ... 20/3 (4), 23/3..27/3 (5..9), 30/3 (10).
        { "on a Saturday", Vn.At(2026, 3, 14, 10, 0), "2026-03-18", "2026-03-30" },
        // Sun 15/3 at 23:59: the same.
        { "late on a Sunday", Vn.At(2026, 3, 15, 23, 59), "2026-03-18", "2026-03-30" },
        // Thu 27/8: Fri 28/8 (1); 29/8–2/9 off; Thu 3/9 (2), Fri 4/9 (3), 7/9..11/9 (4..8), 14/9 (9), 15/9 (10).
        { "before 2/9", Vn.At(2026, 8, 27, 9, 0), "2026-09-03", "2026-09-15" },
        // Fri 21/8: Sat 22/8 is a working day (exchanged for Mon 31/8): 22/8 (1), Mon 24/8 (2); 25/8..28/8 (3..6), 3/9 (7), 4/9 (8), 7/9 (9), 8/9 (10).
        { "before the Saturday worked in exchange for 31/8", Vn.At(2026, 8, 21, 9, 0), "2026-08-24", "2026-09-08" },
        // Sat 10/1 is worked in exchange for Fri 2/1, so an item of that Saturday counts from it: Mon 12/1 (1), Tue 13/1 (2) ... 16/1 (5), 19/1..23/1 (6..10).
        { "on the Saturday worked in exchange for 2/1", Vn.At(2026, 1, 10, 9, 0), "2026-01-13", "2026-01-23" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Deadlines_skip_weekends_and_the_official_days_off(string when, DateTimeOffset receivedAt, string assignBy, string dueDate)
    {
        host.Clock.Set(receivedAt);

        var receipt = await host.SubmitAsync();

        var item = await host.GetItemAsync(receipt.Str("id"));
        Assert.True((assignBy, dueDate) == (item.Str("assignBy"), item.Str("dueDate")),
            $"{when}: expected assign by {assignBy}, due {dueDate}; got {item.Str("assignBy")}, {item.Str("dueDate")}");
        Assert.Equal(dueDate, receipt.Str("dueDate"));
    }

    [Fact]
    public async Task A_transcribed_item_counts_from_the_day_it_was_received_not_typed()
    {
        host.Clock.SetLocal(2026, 2, 23, 8, 0); // the first working day after Tết
        // The desk box was opened on Friday 13/2, before Tết: same deadlines as an item sent that day.
        var item = await host.TranscribeAsync(FeedbackSteps.Item(channel: "desk-box", receivedAt: Vn.Iso(Vn.At(2026, 2, 13, 11, 0))));

        Assert.Equal(("2026-02-24", "2026-03-06"), (item.Str("assignBy"), item.Str("dueDate")));
    }

    [Fact]
    public async Task Overdue_lists_the_open_items_past_their_answer_date()
    {
        host.Clock.SetLocal(2026, 6, 1, 9, 0); // Monday 1/6: due Monday 15/6 (2..5, 8..12, 15)
        var answered = await host.AnsweredAsync();
        var received = (await host.SubmitAsync()).Str("id");
        var assigned = (await host.SubmitAsync()).Str("id");
        await host.AssignAsync(assigned);
        var closedUnanswered = (await host.SubmitAsync()).Str("id");
        await host.DoAsync(closedUnanswered, "close", new { note = "Trùng" });
        host.Clock.SetLocal(2026, 6, 3, 9, 0);
        var later = (await host.SubmitAsync()).Str("id"); // Wednesday 3/6: due Wednesday 17/6
        Assert.Equal("2026-06-17", (await host.GetItemAsync(later)).Str("dueDate"));
        string[] June = [answered, received, assigned, closedUnanswered, later];

        async Task<IReadOnlyList<string>> OverdueAsync() =>
            (await host.ListAsync("?overdue=true")).Select(i => i.Str("id")).Where(June.Contains).Order().ToList();

        host.Clock.SetLocal(2026, 6, 15, 16, 0); // the due date itself: not yet overdue
        Assert.Empty(await OverdueAsync());
        host.Clock.SetLocal(2026, 6, 16, 8, 0);
        Assert.Equal(new[] { received, assigned }.Order(), await OverdueAsync());
        host.Clock.SetLocal(2026, 6, 18, 8, 0);
        Assert.Equal(new[] { received, assigned, later }.Order(), await OverdueAsync());
        // Overdue combines with the other filters.
        Assert.Equal([assigned], (await host.ListAsync("?overdue=true&status=assigned")).Select(i => i.Str("id")).Where(June.Contains));
    }

    [Fact]
    public async Task Items_are_listed_by_the_day_they_were_received_in_vietnam()
    {
        host.Clock.SetLocal(2026, 7, 7, 6, 30); // Tuesday 7/7 in Vietnam, still Monday 6/7 in UTC
        var early = (await host.SubmitAsync()).Str("id");
        host.Clock.SetLocal(2026, 7, 7, 23, 45);
        var late = (await host.SubmitAsync(FeedbackSteps.Item("staff-conduct", "Thái độ", staffId: Seed.DeskOfficer))).Str("id");
        host.Clock.SetLocal(2026, 7, 8, 0, 15);
        var next = (await host.SubmitAsync()).Str("id");

        Assert.Equal([late, early], (await host.ListAsync("?from=2026-07-07&to=2026-07-07")).Select(i => i.Str("id")));
        // Other tests of the class file items in August: the window ends on 8/7.
        Assert.Equal([next, late, early], (await host.ListAsync("?from=2026-07-07&to=2026-07-08")).Select(i => i.Str("id")));
        Assert.Equal([late], (await host.ListAsync("?from=2026-07-07&to=2026-07-08&category=staff-conduct")).Select(i => i.Str("id")));
        Assert.Equal([late], (await host.ListAsync("?from=2026-07-07&to=2026-07-08&take=1&skip=1")).Select(i => i.Str("id")));
    }

    [Theory]
    [InlineData("?status=open", "status")]
    [InlineData("?category=praise", "category")]
    [InlineData("?take=0", "take")]
    [InlineData("?skip=-1", "skip")]
    public async Task A_bad_list_filter_is_400(string query, string field)
    {
        var problem = await host.Client.GetAsync(FeedbackSteps.StaffPath() + query, host.Office).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal([field], TestApi.ErrorFields(problem));
    }
}
