using Platform.Contracts.Personnel;

namespace Feedback.Api.Domain;

/// <summary>How feedback reaches the commune (domain.md §3).</summary>
public enum ChannelKind { DeskBox, HamletBox, Hotline, Radio, Online, FrontSupervision }

/// <summary>A way feedback reaches the commune: a suggestion box (at the desk or a hamlet office), the hotline, ...</summary>
public sealed record FeedbackChannel(string Code, string Name, ChannelKind Kind, string? Hamlet)
{
    /// <summary>Only the online channel takes anonymous submissions; the others are transcribed by staff.</summary>
    public bool OpenToPublic => Kind == ChannelKind.Online;

    public const string Online = "online";

    /// <summary>The channels every commune has from onboarding: one box at the desk and one at each hamlet office (seed, II.1).</summary>
    public static IReadOnlyList<FeedbackChannel> For(IEnumerable<Hamlet> hamlets) =>
    [
        new("desk-box", "Hòm thư góp ý tại Bộ phận một cửa", ChannelKind.DeskBox, null),
        .. hamlets.Select(h => new FeedbackChannel($"hamlet-box-{h.Code}", $"Hòm thư góp ý tại văn phòng {h.Name}", ChannelKind.HamletBox, h.Code)),
        new("hotline", "Đường dây nóng của lãnh đạo UBND xã", ChannelKind.Hotline, null),
        new("radio", "Đài truyền thanh xã", ChannelKind.Radio, null),
        new(Online, "Góp ý trực tuyến", ChannelKind.Online, null),
        new("front-supervision", "Giám sát của Ủy ban MTTQ xã", ChannelKind.FrontSupervision, null),
    ];
}
