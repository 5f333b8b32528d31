using System.Buffers.Binary;
using Microsoft.Playwright;

namespace OperationsCenter.Browser.Tests;

/// <summary>Checks that a screenshot shows something: its PNG size, and pixels decoded by the browser itself.</summary>
public static class Screenshots
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) PngSize(byte[] png)
    {
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(PngSignature))
        {
            throw new Xunit.Sdk.XunitException("Expected a PNG file.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>How many distinct colours a 40×40 grid of sampled pixels has (1 for a blank picture).</summary>
    public static Task<int> DistinctColoursAsync(IPage page, byte[] png) =>
        page.EvaluateAsync<int>(
            """
            async (b64) => {
              const img = new Image();
              img.src = 'data:image/png;base64,' + b64;
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = img.naturalWidth;
              canvas.height = img.naturalHeight;
              const ctx = canvas.getContext('2d');
              ctx.drawImage(img, 0, 0);
              const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
              const seen = new Set();
              for (let gy = 0; gy < 40; gy++) {
                for (let gx = 0; gx < 40; gx++) {
                  const x = Math.floor((gx + 0.5) * canvas.width / 40);
                  const y = Math.floor((gy + 0.5) * canvas.height / 40);
                  const i = (y * canvas.width + x) * 4;
                  seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
                }
              }
              return seen.size;
            }
            """,
            Convert.ToBase64String(png));
}
