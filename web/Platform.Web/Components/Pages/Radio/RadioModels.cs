namespace Platform.Web.Components.Pages.Radio;

// The shapes of awards' radio API (services/awards/Awards.Api/Apis/RadioApi.cs).

public sealed record RadioItemView(string Id, DateTime PublishedAt, string Kind, string Title, string Text);

public sealed record BulletinView(string Commune, DateOnly Date, int Items, string Title, string Script, string? AudioUrl);

public sealed record FeedKeyStatusView(bool Issued, DateTime? IssuedAt, string? IssuedBy);

public sealed record IssuedFeedKeyView(string FeedUrl, DateTime IssuedAt, string? IssuedBy);

/// <summary>The radio's words: what kind of news an item is, and the first lines of its text.</summary>
public static class RadioWords
{
    public const int PreviewLength = 160;

    public static string KindLabel(string kind) => kind switch
    {
        "award" => "Khen thưởng",
        "procedure" => "Thủ tục hành chính",
        "hotline" => "Đường dây nóng",
        "movement" => "Phong trào thi đua",
        _ => kind,
    };

    /// <summary>The text as it starts, cut at a word and marked "…" when there is more.</summary>
    public static string Preview(string text)
    {
        if (text.Length <= PreviewLength) return text;
        var cut = text.LastIndexOf(' ', PreviewLength);
        return text[..(cut > 0 ? cut : PreviewLength)].TrimEnd(' ', ',', ';', ':', '.') + "…";
    }
}
