using System.Buffers.Binary;
using System.Globalization;
using OperationsCenter.Testing;
using Xunit.Abstractions;

namespace OperationsCenter.Browser.Tests;

/// <summary>A picture of the wall at the control room's resolution, kept under the test output's <c>artifacts/</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallScreenshotTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Screenshot_of_the_wall_at_1920x1080()
    {
        await using var host = await CenterHost.StartAsync();
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Screenshot_of_the_wall_at_1920x1080));
        await wall.ExpectConnectedAsync();

        // Some live values, so the picture shows what operators see (every other department stays without series).
        var departments = CenterHost.Departments;
        for (var i = 0; i < departments.Count; i += 2)
        {
            await host.WriteLinesAsync(departments[i], $"""
                dossiers,desk=main received={120 + (i * 7)}i,resolved_on_time={97 + i}i,overdue={i % 3}i
                online_services,level=full share={62.5 + i}
                """);
        }

        var lastIndex = (departments.Count - 1) / 2 * 2;
        var last = departments[lastIndex];
        var expected = (62.5 + lastIndex).ToString(CultureInfo.InvariantCulture);
        await wall.ExpectFieldValueAsync(last, WallPage.SeriesKey("online_services", last, "level", "full"), "share", expected);

        var path = await wall.SaveScreenshotAsync("wall.png");
        output.WriteLine($"screenshot: {path}");

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 20_000, $"Expected a non-trivial screenshot (> 20 000 bytes) at {path}, got {bytes.Length} bytes.");
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]), $"Expected a PNG file at {path}.");
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.True(width == 1920 && height == 1080, $"Expected a 1920×1080 screenshot, got {width}×{height}.");
    }
}
