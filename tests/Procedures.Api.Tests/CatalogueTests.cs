using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using Procedures.Api.Tests.Infrastructure;

namespace Procedures.Api.Tests;

/// <summary>The commune's catalogue (danh mục TTHC): public list, detail with revisions, creation and dated revisions.</summary>
public sealed class CatalogueTests(ProceduresHost host) : IClassFixture<ProceduresHost>
{
    private const string MyThanh = "/api/communes/my-thanh/procedures";

    private static readonly string[] StarterCodes =
    [
        "ho-tich-khai-sinh", "ho-tich-khai-tu", "ho-tich-ket-hon", "ho-tich-nhan-cha-me-con", "ho-tich-xac-nhan-tinh-trang-hon-nhan",
        "ho-tich-trich-luc-ban-sao", "chung-thuc-ban-sao", "chung-thuc-chu-ky", "chung-thuc-hop-dong", "bhyt-tre-em-duoi-6-tuoi",
        "bhyt-ho-can-ngheo", "cu-tru-thuong-tru", "cu-tru-tam-tru", "cu-tru-xoa-thuong-tru", "lien-thong-khai-sinh-thuong-tru-bhyt",
    ];

    private static object NewProcedure(string code, int processingDays = 3, string field = "lao-dong-thuong-binh-xa-hoi", string? effectiveFrom = null) => new
    {
        code,
        name = "Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình",
        field,
        processingDays,
        components = new[] { "Giấy đề nghị xác nhận", "Bản sao sổ hộ khẩu" },
        fee = 0,
        legalBasis = "Thông tư 02/2019/TT-BLĐTBXH",
        postedSince = "2025-10-06",
        effectiveFrom,
    };

    private static object Revision(int processingDays, string effectiveFrom, string name = "Xóa đăng ký thường trú (sửa đổi)") => new
    {
        name,
        field = "cu-tru",
        processingDays,
        components = new[] { "Tờ khai thay đổi thông tin cư trú (CT01)" },
        fee = 0,
        legalBasis = "Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP",
        postedSince = "2015-07-09",
        effectiveFrom,
        reason = "Cập nhật theo Nghị định 154/2024/NĐ-CP",
    };

    private static JsonElement Find(JsonElement list, string code) => list.EnumerateArray().Single(p => p.Str("code") == code);

    private async Task<JsonElement> PublicListAsync(string commune = "my-thanh") =>
        await host.Client.GetAsync($"/api/communes/{commune}/procedures", null).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task The_public_list_answers_without_a_token_with_the_starter_catalogue_as_in_force_today()
    {
        host.Clock.SetLocal(2025, 10, 6);

        // luong-hoa: no test of this class changes its catalogue, so its list is exactly the starter one.
        var list = await PublicListAsync("luong-hoa");

        Assert.Equal(StarterCodes.Order(), list.EnumerateArray().Select(p => p.Str("code")).Order());
        var marriage = Find(list, "ho-tich-ket-hon");
        Assert.Equal("Đăng ký kết hôn", marriage.Str("name"));
        Assert.Equal("tu-phap-ho-tich", marriage.Str("field"));
        Assert.Equal(5, marriage.Int("processingDays"));
        Assert.Equal(3, marriage.GetProperty("components").GetArrayLength());
        Assert.Equal(0, marriage.GetProperty("fee").GetInt64());
        Assert.Contains("Luật Hộ tịch 2014", marriage.Str("legalBasis"));
        Assert.Equal("2015-07-09", marriage.Str("postedSince"));
        Assert.Equal(1, marriage.Int("revision"));
        Assert.Equal(50_000, Find(list, "chung-thuc-hop-dong").GetProperty("fee").GetInt64());
        Assert.Equal(3, Find(list, "lien-thong-khai-sinh-thuong-tru-bhyt").GetProperty("steps").GetArrayLength());
        // Ordered by field, then by name.
        var fields = list.EnumerateArray().Select(p => p.Str("field")).ToList();
        Assert.Equal(fields.Order(StringComparer.Ordinal), fields);
    }

    [Fact]
    public async Task An_unknown_commune_has_no_list()
    {
        var problem = await host.Client.GetAsync("/api/communes/xa-khong-co/procedures", null).ProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Contains("xa-khong-co", problem.Str("detail"));
    }

    [Fact]
    public async Task One_procedure_is_served_publicly_with_its_revisions()
    {
        host.Clock.SetLocal(2025, 10, 6);

        var detail = await host.Client.GetAsync($"{MyThanh}/ho-tich-khai-tu", null).JsonAsync(HttpStatusCode.OK);

        var current = detail.GetProperty("current");
        Assert.Equal("ho-tich-khai-tu", current.Str("code"));
        Assert.Equal("Đăng ký khai tử", current.Str("name"));
        Assert.Equal(0, current.Int("processingDays"));
        var revisions = detail.GetProperty("revisions").EnumerateArray().ToList();
        var first = Assert.Single(revisions);
        Assert.Equal(1, first.Int("number"));
        Assert.Equal("2015-07-09", first.Str("effectiveFrom"));
        Assert.Equal("Danh mục khởi tạo khi tiếp nhận xã", first.Str("reason"));

        await host.Client.GetAsync($"{MyThanh}/khong-co-thu-tuc-nay", null).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_commune_office_adds_a_procedure_which_the_public_list_shows_at_once()
    {
        host.Clock.SetLocal(2025, 10, 6);
        var before = await PublicListAsync(); // caches today's list

        var response = await host.Client.PostJsonAsync(MyThanh, host.Office, NewProcedure("xac-nhan-ho-nong-nghiep"));

        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{MyThanh}/xac-nhan-ho-nong-nghiep", response.Headers.Location?.OriginalString);
        Assert.Equal("xac-nhan-ho-nong-nghiep", created.GetProperty("current").Str("code"));
        Assert.Equal(3, created.GetProperty("current").Int("processingDays"));
        var revision = Assert.Single(created.GetProperty("revisions").EnumerateArray().ToList());
        Assert.Equal(1, revision.Int("number"));
        Assert.Equal("2025-10-06", revision.Str("effectiveFrom")); // no effectiveFrom given: from today
        var after = await PublicListAsync();
        Assert.Equal(before.GetArrayLength() + 1, after.GetArrayLength());
        Assert.Equal("lao-dong-thuong-binh-xa-hoi", Find(after, "xac-nhan-ho-nong-nghiep").Str("field"));
    }

    [Fact]
    public async Task A_duplicate_code_is_409_and_changes_nothing()
    {
        host.Clock.SetLocal(2025, 10, 6);
        await host.Client.PostJsonAsync(MyThanh, host.Office, NewProcedure("xac-nhan-trung-ma")).JsonAsync(HttpStatusCode.Created);

        var problem = await host.Client.PostJsonAsync(MyThanh, host.Office, NewProcedure("xac-nhan-trung-ma", processingDays: 9))
            .ProblemAsync(HttpStatusCode.Conflict, "procedure-exists");

        Assert.Contains("xac-nhan-trung-ma", problem.Str("detail"));
        var stored = await host.Client.GetAsync($"{MyThanh}/xac-nhan-trung-ma", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, stored.GetProperty("current").Int("processingDays"));
        Assert.Single(stored.GetProperty("revisions").EnumerateArray());
    }

    [Fact]
    public async Task A_procedure_with_bad_fields_is_400_listing_each_of_them()
    {
        var bad = new
        {
            code = "Thủ tục Mới!",
            name = "Thủ tục sai",
            field = "nong-nghiep",
            processingDays = -1,
            components = Array.Empty<string>(),
            fee = -1000,
            legalBasis = "Không rõ",
        };

        var problem = await host.Client.PostJsonAsync(MyThanh, host.Office, bad).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["code", "components", "fee", "field", "processingDays"], TestApi.ErrorFields(problem));
        await host.Client.GetAsync($"{MyThanh}/Thủ tục Mới!", null).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_interconnected_procedure_whose_days_are_not_the_sum_of_its_steps_is_400()
    {
        var input = new
        {
            code = "lien-thong-sai-tong",
            name = "Liên thông thử",
            field = "lien-thong",
            processingDays = 9,
            components = new[] { "Tờ khai" },
            fee = 0,
            legalBasis = "Nghị định 63/2024/NĐ-CP",
            steps = new[] { new { name = "Bước 1", agency = "UBND xã", processingDays = 3 }, new { name = "Bước 2", agency = "Công an xã", processingDays = 4 } },
        };

        var problem = await host.Client.PostJsonAsync(MyThanh, host.Office, input).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["processingDays"], TestApi.ErrorFields(problem));
    }

    [Fact]
    public async Task Only_the_commune_office_writes_the_catalogue()
    {
        await host.Client.PostJsonAsync(MyThanh, host.Desk, NewProcedure("xac-nhan-boi-mot-cua")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.Client.PostJsonAsync(MyThanh, host.Leader, NewProcedure("xac-nhan-boi-lanh-dao")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await host.Client.PostJsonAsync(MyThanh, null, NewProcedure("xac-nhan-vo-danh")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        await host.Client.PutJsonAsync($"{MyThanh}/ho-tich-khai-tu", host.Desk, Revision(1, "2030-01-01")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        await host.Client.GetAsync($"{MyThanh}/xac-nhan-boi-mot-cua", null).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revision_dated_in_the_future_takes_over_on_its_day_and_the_history_is_kept()
    {
        host.Clock.SetLocal(2025, 10, 6);
        var before = Find(await PublicListAsync(), "cu-tru-xoa-thuong-tru"); // caches the list of 6 October
        Assert.Equal(1, before.Int("processingDays"));

        var revised = await host.Client.PutJsonAsync($"{MyThanh}/cu-tru-xoa-thuong-tru", host.Office, Revision(2, "2025-10-13")).JsonAsync(HttpStatusCode.OK);

        // Today the old revision is still in force.
        Assert.Equal(1, revised.GetProperty("current").Int("revision"));
        Assert.Equal(1, revised.GetProperty("current").Int("processingDays"));
        var revisions = revised.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([1, 2], revisions.Select(r => r.Int("number")));
        Assert.Equal("2025-10-13", revisions[1].Str("effectiveFrom"));
        Assert.Equal(2, revisions[1].Int("processingDays"));
        Assert.Equal("Cập nhật theo Nghị định 154/2024/NĐ-CP", revisions[1].Str("reason"));
        var today = Find(await PublicListAsync(), "cu-tru-xoa-thuong-tru");
        Assert.Equal(1, today.Int("processingDays"));
        Assert.Equal("Xóa đăng ký thường trú", today.Str("name"));

        host.Clock.SetLocal(2025, 10, 10, 23, 59); // Friday, the last day before
        Assert.Equal(1, Find(await PublicListAsync(), "cu-tru-xoa-thuong-tru").Int("revision"));

        host.Clock.SetLocal(2025, 10, 13, 0, 1);
        var onTheDay = Find(await PublicListAsync(), "cu-tru-xoa-thuong-tru");
        Assert.Equal(2, onTheDay.Int("revision"));
        Assert.Equal(2, onTheDay.Int("processingDays"));
        Assert.Equal("Xóa đăng ký thường trú (sửa đổi)", onTheDay.Str("name"));
        var detail = await host.Client.GetAsync($"{MyThanh}/cu-tru-xoa-thuong-tru", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, detail.GetProperty("current").Int("revision"));
        Assert.Equal(2, detail.GetProperty("revisions").GetArrayLength());

        // A dossier takes the revision in force on its day of receipt.
        host.Clock.SetLocal(2025, 10, 13, 9, 0);
        var old = await host.ReceiveAsync("cu-tru-xoa-thuong-tru", receivedAt: Vn.At(2025, 10, 10, 9, 0));
        Assert.Equal(1, old.Int("processingDays"));
        Assert.Equal("2025-10-13", old.Str("dueDate"));
        var fresh = await host.ReceiveAsync("cu-tru-xoa-thuong-tru");
        Assert.Equal(2, fresh.Int("processingDays"));
        Assert.Equal("2025-10-15", fresh.Str("dueDate"));
    }

    [Fact]
    public async Task A_revision_effective_today_shows_at_once_in_the_cached_list()
    {
        host.Clock.SetLocal(2025, 11, 3);
        Assert.Equal(3, Find(await PublicListAsync(), "cu-tru-tam-tru").Int("processingDays"));

        var revision = new
        {
            name = "Đăng ký tạm trú",
            field = "cu-tru",
            processingDays = 2,
            components = new[] { "Tờ khai thay đổi thông tin cư trú (CT01)", "Giấy tờ chứng minh chỗ ở hợp pháp" },
            fee = 15_000,
            legalBasis = "Luật Cư trú 2020",
        };
        var revised = await host.Client.PutJsonAsync($"{MyThanh}/cu-tru-tam-tru", host.Office, revision).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, revised.GetProperty("current").Int("processingDays"));
        Assert.Equal("2025-11-03", revised.GetProperty("revisions")[1].Str("effectiveFrom"));
        Assert.Equal(2, Find(await PublicListAsync(), "cu-tru-tam-tru").Int("processingDays"));
    }

    [Fact]
    public async Task A_revision_dated_in_the_past_is_400_and_changes_nothing()
    {
        host.Clock.SetLocal(2025, 10, 6);

        var problem = await host.Client.PutJsonAsync($"{MyThanh}/ho-tich-trich-luc-ban-sao", host.Office, Revision(1, "2025-10-05"))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        Assert.Equal(["effectiveFrom"], TestApi.ErrorFields(problem));
        var detail = await host.Client.GetAsync($"{MyThanh}/ho-tich-trich-luc-ban-sao", null).JsonAsync(HttpStatusCode.OK);
        Assert.Single(detail.GetProperty("revisions").EnumerateArray());
    }

    [Fact]
    public async Task Revising_an_unknown_procedure_is_404()
    {
        host.Clock.SetLocal(2025, 10, 6);

        await host.Client.PutJsonAsync($"{MyThanh}/khong-co", host.Office, Revision(1, "2025-10-20")).ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Revising_an_interconnected_procedure_keeps_its_days_equal_to_the_sum_of_its_steps()
    {
        // Creation refuses an interconnected procedure whose time limit is not the sum of its steps (0 + 7 + 3 here);
        // a revision must not be able to break the same rule, or the appointment falls before the last agency's deadline.
        host.Clock.SetLocal(2025, 10, 6);
        var revision = new
        {
            name = "Liên thông: đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
            field = "lien-thong",
            processingDays = 8,
            components = new[] { "Tờ khai đăng ký khai sinh", "Giấy chứng sinh" },
            fee = 0,
            legalBasis = "Nghị định 63/2024/NĐ-CP",
            effectiveFrom = "2025-10-06",
        };

        var response = await host.Client.PutJsonAsync($"{MyThanh}/lien-thong-khai-sinh-thuong-tru-bhyt", host.Office, revision);

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            // Show what the accepted revision does to a dossier received today.
            var dossier = await host.ReceiveAsync("lien-thong-khai-sinh-thuong-tru-bhyt");
            Assert.Fail($"PUT answered {(int)response.StatusCode} instead of 400; a dossier received now is due {dossier.Str("dueDate")} " +
                        $"({dossier.Int("processingDays")} days) while its last step is due {dossier.GetProperty("steps").EnumerateArray().Last().Str("dueDate")}.");
        }
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal(["processingDays"], TestApi.ErrorFields(problem));
    }
}
