using System.Net;
using System.Text.Json;
using Personnel.Api.Tests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>
/// GET|PUT /api/communes/{commune}/hotline: the leaders' phone numbers are public; the commune office or a leader
/// replaces them, and the next public read shows the change (the cached copy is dropped).
/// </summary>
public sealed class HotlineTests : IAsyncLifetime
{
    private const string Hotline = "/api/communes/my-thanh/hotline";
    private readonly PersonnelFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<JsonElement> PublicAsync() => await (await _client.GetAsync(Hotline, null)).JsonAsync(HttpStatusCode.OK);

    private static List<(string?, string?, string?)> Contacts(JsonElement hotline) =>
        hotline.GetProperty("contacts").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("title").GetString(), c.GetProperty("phone").GetString())).ToList();

    private static readonly object NewDirectory = new
    {
        contacts = new[]
        {
            new { name = "Phạm Thanh Diễn", title = "Chủ tịch UBND xã", phone = "0275 3861 001" },
            new { name = "Nguyễn Văn Hùng", title = "Phó Chủ tịch UBND xã", phone = "0275 3861 002" },
            new { name = "Trần Văn Bình", title = "Phó Chủ tịch UBND xã", phone = "0918 123 456" },
        },
    };

    [Fact]
    public async Task Anyone_reads_the_two_demo_leaders_without_a_token()
    {
        var hotline = await PublicAsync();

        Assert.Equal(Demo.MyThanh, hotline.GetProperty("commune").GetString());
        Assert.Equal(
        [
            ("Phạm Thanh Diễn", "Chủ tịch UBND xã", "0275 3861 001"),
            ("Nguyễn Văn Hùng", "Phó Chủ tịch UBND xã", "0275 3861 002"),
        ], Contacts(hotline));
        Assert.EndsWith("Z", hotline.GetProperty("changedAt").GetString());
    }

    [Fact]
    public async Task The_commune_office_replaces_the_directory_and_the_public_sees_it_at_once()
    {
        var office = await _client.TokenAsync(Office);
        var before = await PublicAsync(); // now cached

        var replaced = await (await _client.PutJsonAsync(Hotline, office, NewDirectory)).JsonAsync(HttpStatusCode.OK);

        var expected = new List<(string?, string?, string?)>
        {
            ("Phạm Thanh Diễn", "Chủ tịch UBND xã", "0275 3861 001"),
            ("Nguyễn Văn Hùng", "Phó Chủ tịch UBND xã", "0275 3861 002"),
            ("Trần Văn Bình", "Phó Chủ tịch UBND xã", "0918 123 456"),
        };
        Assert.Equal(expected, Contacts(replaced));
        Assert.NotEqual(before.GetProperty("changedAt").GetString(), replaced.GetProperty("changedAt").GetString());
        var after = await PublicAsync();
        Assert.Equal(expected, Contacts(after));
        Assert.Equal(replaced.GetProperty("changedAt").GetString(), after.GetProperty("changedAt").GetString());

        // A leader replaces it again, down to one number.
        var leader = await _client.TokenAsync(Demo.Leader);
        await (await _client.PutJsonAsync(Hotline, leader, new { contacts = new[] { new { name = " Phạm Thanh Diễn ", title = "Chủ tịch UBND xã", phone = "0275 3861 001" } } }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal([("Phạm Thanh Diễn", "Chủ tịch UBND xã", "0275 3861 001")], Contacts(await PublicAsync()));
    }

    [Fact]
    public async Task An_invalid_phone_or_a_missing_title_is_a_400_naming_the_contact_and_nothing_changes()
    {
        var office = await _client.TokenAsync(Office);
        var before = await PublicAsync();

        var problem = await (await _client.PutJsonAsync(Hotline, office, new
        {
            contacts = new[]
            {
                new { name = "Phạm Thanh Diễn", title = "Chủ tịch UBND xã", phone = "0275 3861 001" },
                new { name = "Nguyễn Văn Hùng", title = "", phone = "3861" },
            },
        })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["contacts[1].phone", "contacts[1].title"], TestApi.ErrorFields(problem).Order(StringComparer.Ordinal));
        Assert.Equal(Contacts(before), Contacts(await PublicAsync()));
    }

    [Fact]
    public async Task A_missing_contact_list_is_a_400_naming_contacts()
    {
        var office = await _client.TokenAsync(Office);

        var problem = await (await _client.PutJsonAsync(Hotline, office, new { })).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["contacts"], TestApi.ErrorFields(problem));
    }

    [Fact]
    public async Task Another_communes_staff_a_desk_officer_and_an_anonymous_caller_cannot_replace_it()
    {
        var before = Contacts(await PublicAsync());
        var luongHoaLeader = TokenForge.ForCommuneRoles(_factory.Key, Demo.LuongHoa, Roles.CommuneOffice, Roles.CommuneLeader);

        await (await _client.PutJsonAsync(Hotline, luongHoaLeader, NewDirectory)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _client.PutJsonAsync(Hotline, await _client.TokenAsync(Demo.DeskOfficer), NewDirectory)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _client.PutJsonAsync(Hotline, null, NewDirectory)).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");

        Assert.Equal(before, Contacts(await PublicAsync()));
    }

    [Fact]
    public async Task A_commune_without_a_directory_has_an_empty_one_and_an_unknown_commune_is_a_404()
    {
        var luongHoa = await (await _client.GetAsync("/api/communes/luong-hoa/hotline", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, luongHoa.GetProperty("contacts").GetArrayLength());

        await (await _client.GetAsync("/api/communes/khong-co/hotline", null)).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
