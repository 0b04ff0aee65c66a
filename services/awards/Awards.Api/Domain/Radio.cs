using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.Calendar;
using Platform.Contracts.Awards;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;

namespace Awards.Api.Domain;

/// <summary>A news item ready to be read aloud (seed III: the commune radio and hamlet information teams).</summary>
public sealed record RadioItem
{
    /// <summary>The commune's running number: the stable cursor of <c>?since=</c>.</summary>
    public required long Seq { get; init; }
    public required DateTime PublishedAt { get; init; }
    /// <summary><c>award</c>, <c>procedure</c>, <c>hotline</c> or <c>movement</c>.</summary>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public string? Reference { get; init; }

    public string Id => Seq.ToString(CultureInfo.InvariantCulture);

    public static string Key(long seq) => seq.ToString("D12", CultureInfo.InvariantCulture);
}

/// <summary>The last running number given to a commune's radio items (one document per commune: numbers never repeat).</summary>
public sealed record RadioCounter(long Last)
{
    public const string Key = "radio-counter";
}

/// <summary>
/// The secret in a commune's subscribable feed address (a podcast or RSS client sends no token): it opens that commune's
/// feed and its audio and nothing else. Only its SHA-256 is kept, so the address is shown once, when issued; issuing a
/// new one replaces the old, which stops opening anything at once.
/// </summary>
public sealed record RadioFeedKey(string Hash, DateTime IssuedAt, string? IssuedBy)
{
    public const string Key = "radio-feed-key";

    /// <summary>A new secret (256 random bits, URL-safe) and what is kept of it.</summary>
    public static (string Secret, RadioFeedKey Kept) Issue(DateTime at, string? by)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (secret, new RadioFeedKey(Convert.ToHexString(HashOf(secret)), at, by));
    }

    /// <summary>Whether <paramref name="secret"/> is this key, compared in constant time.</summary>
    public bool Opens(string secret) => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Hash), HashOf(secret));

    private static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}

/// <summary>What an event or a campaign puts on the commune radio, before the radio desk numbers it.</summary>
/// <param name="Kind"><c>award</c>, <c>procedure</c>, <c>hotline</c> or <c>movement</c></param>
/// <param name="Reference">what the item is about (an award, a procedure's revision, a campaign or its year)</param>
public sealed record RadioNews(string Kind, string Title, string Text, string? Reference);

/// <summary>Vietnamese texts for the radio, written to be read aloud (dates spelled "ngày … tháng … năm …").</summary>
public static class RadioTexts
{
    public static string SpokenDate(DateOnly d) => $"ngày {d.Day} tháng {d.Month} năm {d.Year}";

    /// <summary>The commune as read aloud ("Xã Mỹ Thạnh" → "xã Mỹ Thạnh"); just "xã" for a commune awards never heard of.</summary>
    public static string SpokenName(string? communeName) =>
        communeName is null ? "xã" : communeName.StartsWith("Xã ", StringComparison.Ordinal) ? "xã " + communeName[3..] : communeName;

    public static RadioNews Award(AwardGranted granted, string commune) => new("award",
        $"Khen thưởng: {granted.NomineeName} – {granted.Title}",
        $"{(granted.Level == AwardLevel.District ? "Ủy ban nhân dân huyện" : "Ủy ban nhân dân " + commune)} đã ban hành quyết định số {granted.DecisionNo} tặng " +
        $"{granted.Title} cho {(granted.Kind == NomineeKind.Collective ? "tập thể" : "ông (bà)")} {granted.NomineeName}" +
        (granted.Thematic ? " vì có sáng kiến đơn giản hóa thủ tục hành chính được cấp có thẩm quyền công nhận. " : " vì có thành tích trong phong trào thi đua đẩy mạnh cải cách hành chính. ") +
        "Đài truyền thanh xã xin chúc mừng và mong bà con cùng học tập, noi gương.",
        granted.AwardId);

    /// <summary>A revision is news when it makes the procedure faster or needs fewer papers; null otherwise.</summary>
    public static RadioNews? Procedure(ProcedureChanged changed, string commune)
    {
        var faster = changed.PreviousProcessingDays is { } pd && changed.ProcessingDays < pd;
        var simpler = changed.PreviousComponentCount is { } pc && changed.ComponentCount < pc;
        if (!faster && !simpler) return null;
        var changes = new List<string>();
        if (faster) changes.Add($"thời gian giải quyết rút ngắn từ {changed.PreviousProcessingDays} xuống còn {changed.ProcessingDays} ngày làm việc");
        if (simpler) changes.Add($"thành phần hồ sơ giảm từ {changed.PreviousComponentCount} xuống còn {changed.ComponentCount} loại giấy tờ");
        return new("procedure", $"Thủ tục {changed.Name} được đơn giản hóa",
            $"Kể từ {SpokenDate(changed.EffectiveFrom)}, thủ tục {changed.Name} tại Bộ phận tiếp nhận và trả kết quả {commune} có {string.Join(" và ", changes)}. " +
            "Bà con có nhu cầu vui lòng liên hệ Bộ phận một cửa của Ủy ban nhân dân xã.",
            $"{changed.ProcedureCode}#{changed.Revision}");
    }

    /// <summary>The leaders' numbers; null when the hotline lists nobody.</summary>
    public static RadioNews? Hotline(HotlineChanged changed, string commune) => changed.Contacts.Count == 0 ? null : new("hotline",
        "Số điện thoại đường dây nóng của lãnh đạo xã",
        $"Ủy ban nhân dân {commune} thông báo số điện thoại đường dây nóng để bà con phản ánh, kiến nghị về thủ tục hành chính và thái độ phục vụ: " +
        string.Join("; ", changed.Contacts.Select(c => $"{c.Title} {c.Name}, số {c.Phone.Trim()}")) + ".",
        null);

    public static RadioNews MovementLaunched(string commune, Campaign campaign) => new("movement",
        "Phát động phong trào thi đua cải cách hành chính",
        $"Ủy ban nhân dân {commune} phát động {char.ToLower(campaign.Name[0], CultureInfo.GetCultureInfo("vi-VN"))}{campaign.Name[1..]}, từ năm {campaign.FromYear} đến năm {campaign.ToYear}. " +
        "Mỗi năm có kế hoạch theo chuyên đề riêng; cuối năm tổng kết, bình xét khen thưởng tập thể, cá nhân tiêu biểu.",
        campaign.Id);

    public static RadioNews YearPlan(string commune, CampaignPlan plan) => new("movement",
        $"Kế hoạch thi đua năm {plan.Year}",
        $"Năm {plan.Year}, phong trào thi đua đẩy mạnh cải cách hành chính của {commune} tập trung vào chủ đề: {plan.Theme}. " +
        $"Hồ sơ đề nghị khen thưởng gửi về xã chậm nhất {SpokenDate(plan.CommuneDeadline)}.",
        CampaignPlan.Key(plan.CampaignId, plan.Year));

    public static string Bulletin(string commune, DateOnly date, IReadOnlyList<RadioItem> items)
    {
        var script = new StringBuilder();
        script.Append($"Đài truyền thanh {commune} xin kính chào bà con. Sau đây là bản tin thi đua cải cách hành chính {SpokenDate(date)}. ");
        if (items.Count == 0) script.Append("Hôm nay chưa có tin mới. ");
        for (var i = 0; i < items.Count; i++)
            script.Append($"Tin thứ {Ordinal(i + 1)}: {items[i].Title}. {items[i].Text} ");
        script.Append("Bản tin đến đây là kết thúc. Cảm ơn bà con đã chú ý theo dõi.");
        return script.ToString();
    }

    private static string Ordinal(int n) => n switch { 1 => "nhất", 2 => "hai", 3 => "ba", 4 => "tư", _ => n.ToString(CultureInfo.InvariantCulture) };

    public static DateOnly DayOf(RadioItem item) => VietnamTime.Today(item.PublishedAt);
}
