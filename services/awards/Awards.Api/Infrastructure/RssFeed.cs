using System.Globalization;
using System.Text;
using System.Xml;
using Awards.Api.Domain;

namespace Awards.Api.Infrastructure;

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
