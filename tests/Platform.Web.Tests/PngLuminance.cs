using System.Buffers.Binary;
using System.IO.Compression;

namespace Platform.Web.Tests;

/// <summary>
/// Just enough of PNG to read back what QRCoder writes (greyscale or palette, bit depth 1–8) and what a browser's
/// screenshot is (RGB or RGBA, 8 bits), non-interlaced, as one luminance byte per pixel for ZXing, whose core has no
/// image loading. Shared with the browser tests (Platform.EndToEnd.Tests links this file).
/// </summary>
internal static class PngLuminance
{
    public static (byte[] Pixels, int Width, int Height) Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new FormatException("Not a PNG.");
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    if (data[12] != 0) throw new NotSupportedException("Interlaced PNG.");
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            offset += 12 + length;
        }
        var channels = colorType switch { 0 or 3 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || bitDepth > 8 || (channels > 1 && bitDepth != 8)) throw new NotSupportedException($"PNG colour type {colorType}, depth {bitDepth}.");

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();

        var stride = (width * channels * bitDepth + 7) / 8;
        var previous = new byte[stride];
        var line = new byte[stride];
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, line, 0, stride);
            Unfilter(filter, line, previous, Math.Max(1, channels * bitDepth / 8));
            for (var x = 0; x < width; x++)
            {
                if (channels > 1)
                {
                    // Colour (2, 6) or grey with alpha (4): luminance of the first channels, over white where transparent.
                    var at = x * channels;
                    int lum = channels == 2 ? line[at] : (line[at] * 299 + line[at + 1] * 587 + line[at + 2] * 114) / 1000;
                    int alpha = channels is 2 or 4 ? line[at + channels - 1] : 255;
                    pixels[y * width + x] = (byte)((lum * alpha + 255 * (255 - alpha)) / 255);
                    continue;
                }
                var bit = x * bitDepth;
                var sample = (line[bit / 8] >> (8 - bitDepth - bit % 8)) & ((1 << bitDepth) - 1);
                pixels[y * width + x] = colorType == 0
                    ? (byte)(sample * 255 / ((1 << bitDepth) - 1))
                    : (byte)((palette![sample * 3] * 299 + palette[sample * 3 + 1] * 587 + palette[sample * 3 + 2] * 114) / 1000);
            }
            (previous, line) = (line, previous);
        }
        return (pixels, width, height);
    }

    private static void Unfilter(byte filter, byte[] line, byte[] previous, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bpp ? line[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
            line[i] = (byte)(line[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new FormatException($"PNG filter {filter}."),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
