using System.Globalization;
using System.Text;
using System.Xml;
using Platform.Calendar;
using Platform.Contracts.Awards;

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

/// <summary>Vietnamese texts for the radio, written to be read aloud (dates spelled "ngày … tháng … năm …").</summary>
public static class RadioTexts
{
    public static string SpokenDate(DateOnly d) => $"ngày {d.Day} tháng {d.Month} năm {d.Year}";

    public static (string Title, string Text) Award(string commune, string nominee, NomineeKind kind, string title, string decisionNo, bool thematic, bool district) =>
        ($"Khen thưởng: {nominee} – {title}",
         $"{(district ? "Ủy ban nhân dân huyện" : "Ủy ban nhân dân " + commune)} đã ban hành quyết định số {decisionNo} tặng " +
         $"{title} cho {(kind == NomineeKind.Collective ? "tập thể" : "ông (bà)")} {nominee}" +
         (thematic ? " vì có sáng kiến đơn giản hóa thủ tục hành chính được cấp có thẩm quyền công nhận. " : " vì có thành tích trong phong trào thi đua đẩy mạnh cải cách hành chính. ") +
         "Đài truyền thanh xã xin chúc mừng và mong bà con cùng học tập, noi gương.");

    public static (string Title, string Text)? Procedure(string commune, string name, DateOnly from, int days, int? previousDays, int components, int? previousComponents)
    {
        var faster = previousDays is { } pd && days < pd;
        var simpler = previousComponents is { } pc && components < pc;
        if (!faster && !simpler) return null;
        var changes = new List<string>();
        if (faster) changes.Add($"thời gian giải quyết rút ngắn từ {previousDays} xuống còn {days} ngày làm việc");
        if (simpler) changes.Add($"thành phần hồ sơ giảm từ {previousComponents} xuống còn {components} loại giấy tờ");
        return ($"Thủ tục {name} được đơn giản hóa",
            $"Kể từ {SpokenDate(from)}, thủ tục {name} tại Bộ phận tiếp nhận và trả kết quả {commune} có {string.Join(" và ", changes)}. " +
            "Bà con có nhu cầu vui lòng liên hệ Bộ phận một cửa của Ủy ban nhân dân xã.");
    }

    public static (string Title, string Text) Hotline(string commune, IEnumerable<(string Name, string Title, string Phone)> contacts) =>
        ("Số điện thoại đường dây nóng của lãnh đạo xã",
         $"Ủy ban nhân dân {commune} thông báo số điện thoại đường dây nóng để bà con phản ánh, kiến nghị về thủ tục hành chính và thái độ phục vụ: " +
         string.Join("; ", contacts.Select(c => $"{c.Title} {c.Name}, số {c.Phone.Trim()}")) + ".");

    public static (string Title, string Text) MovementLaunched(string commune, string campaign, int from, int to) =>
        ("Phát động phong trào thi đua cải cách hành chính",
         $"Ủy ban nhân dân {commune} phát động {char.ToLower(campaign[0], CultureInfo.GetCultureInfo("vi-VN"))}{campaign[1..]}, từ năm {from} đến năm {to}. " +
         "Mỗi năm có kế hoạch theo chuyên đề riêng; cuối năm tổng kết, bình xét khen thưởng tập thể, cá nhân tiêu biểu.");

    public static (string Title, string Text) YearPlan(string commune, int year, string theme, DateOnly communeDeadline) =>
        ($"Kế hoạch thi đua năm {year}",
         $"Năm {year}, phong trào thi đua đẩy mạnh cải cách hành chính của {commune} tập trung vào chủ đề: {theme}. " +
         $"Hồ sơ đề nghị khen thưởng gửi về xã chậm nhất {SpokenDate(communeDeadline)}.");


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

/// <summary>A bulletin's audio, as the RSS enclosure gives it.</summary>
public sealed record Enclosure(string Url, long Length, string MediaType);

/// <summary>RSS 2.0 (channel title, link, description; items with guid isPermaLink=false and an RFC 822 pubDate).</summary>
public static class RssFeed
{
    /// <summary>
    /// Text as XML 1.0 allows it: a stray control character pasted into a name (a vertical tab from a word processor, half
    /// of an emoji) would otherwise make the whole feed unwritable.
    /// </summary>
    public static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
        }
        return kept.ToString();
    }

    public static string Write(string title, string link, string description, IReadOnlyList<RadioItem> items, string guidPrefix,
        (string Title, DateTime PublishedAt, string Guid, Enclosure Enclosure)? bulletin)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", XmlText(title));
            xml.WriteElementString("link", link);
            xml.WriteElementString("description", XmlText(description));
            xml.WriteElementString("language", "vi");
            if (items.Count > 0) xml.WriteElementString("lastBuildDate", Rfc822(items.Max(i => i.PublishedAt)));
            if (bulletin is { } b)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", XmlText(b.Title));
                xml.WriteElementString("description", XmlText(b.Title));
                Guid(xml, $"{guidPrefix}:{b.Guid}");
                xml.WriteElementString("pubDate", Rfc822(b.PublishedAt));
                xml.WriteStartElement("enclosure");
                xml.WriteAttributeString("url", b.Enclosure.Url);
                xml.WriteAttributeString("length", b.Enclosure.Length.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("type", b.Enclosure.MediaType);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            foreach (var item in items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", XmlText(item.Title));
                xml.WriteElementString("description", XmlText(item.Text));
                Guid(xml, $"{guidPrefix}:{item.Id}");
                xml.WriteElementString("pubDate", Rfc822(item.PublishedAt));
                xml.WriteElementString("category", item.Kind);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Guid(XmlWriter xml, string value)
    {
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    /// <summary>RFC 822 with a four-digit year and the GMT zone (RFC 1123), as RSS 2.0 readers expect.</summary>
    public static string Rfc822(DateTime utc) => utc.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
