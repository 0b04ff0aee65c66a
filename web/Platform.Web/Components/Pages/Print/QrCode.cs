using QRCoder;

namespace Platform.Web.Components.Pages.Print;

/// <summary>QR codes for the printed forms, as PNG data URIs (an <c>img</c> needs no markup of ours, nothing to encode).</summary>
public static class QrCode
{
    /// <summary>Pixels per module: sharp at the printed size (about 24 mm) without relying on the printer's scaling.</summary>
    public const int PixelsPerModule = 8;

    public static byte[] Png(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    public static string PngDataUri(string payload) => "data:image/png;base64," + Convert.ToBase64String(Png(payload));
}
