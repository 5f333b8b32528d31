using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OperationsCenter.Testing;
using Xunit.Abstractions;

namespace OperationsCenter.Server.Tests.Ingest;

/// <summary>
/// Communes on weak mobile links send their bodies slowly. Over real sockets: eight connections from two departments
/// trickle their bodies at 300 bytes a second, and a third department's one-line writes are answered meanwhile as if
/// nothing were happening, because a body is read before it takes a processing slot.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class SlowSenderTests(ITestOutputHelper output)
{
    private const int BytesPerSecond = 300;

    [Fact]
    public async Task Slow_bodies_from_two_departments_do_not_hold_up_another_departments_writes()
    {
        await using var host = await CenterHost.StartAsync();
        using var stop = new CancellationTokenSource();
        var slow = new[] { "so-noi-vu", "xa-ban-bo" }
            .SelectMany(department => Enumerable.Range(0, 4).Select(_ => TrickleAsync(host.Port, department, stop.Token)))
            .ToList();

        // Every slow connection has sent its headers and begun its body.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(slow, s => Assert.False(s.IsCompleted, "a slow sender was answered before its body was sent"));

        using var client = host.CreateClient();
        var latencies = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await IngestClient.WriteLinesAsync(client, "phuong-tan-phong", $"t_fast,desk=a v={i}");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        output.WriteLine($"one-line writes of a third department while 8 bodies trickle at {BytesPerSecond} B/s: p50 {p50:F1} ms, p99 {p99:F1} ms, max {latencies[^1]:F1} ms");
        Assert.True(latencies[^1] < 1000, $"a write waited {latencies[^1]:F0} ms behind slow bodies (p50 {p50:F1} ms, p99 {p99:F1} ms)");

        // The slow ones finish too, and what they sent is kept.
        await stop.CancelAsync();
        var answers = await Task.WhenAll(slow);
        Assert.All(answers, a => Assert.StartsWith("HTTP/1.1 204", a));
        await LiveState.AwaitSeriesAsync(host, "t_slow", s => s.GetArrayLength() == 8, "the eight slow bodies' series");
    }

    /// <summary>
    /// Sends a write's headers, then its body at <see cref="BytesPerSecond"/> until told to stop, then the rest at once;
    /// returns the status line.
    /// </summary>
    private static async Task<string> TrickleAsync(int port, string department, CancellationToken stop)
    {
        var connection = $"{department}-{Guid.NewGuid():N}";
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"t_slow,conn={connection} v={i}\n")));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var headers = $"POST /write?db=ioc HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token {TestDepartments.KeyFor(department)}\r\n" +
                      $"Content-Type: text/plain\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers));
        var sent = 0;
        const int chunk = BytesPerSecond / 10;
        while (sent < body.Length && !stop.IsCancellationRequested)
        {
            var size = Math.Min(chunk, body.Length - sent);
            await stream.WriteAsync(body.AsMemory(sent, size));
            sent += size;
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await stream.WriteAsync(body.AsMemory(sent));
        var answer = new byte[256];
        var read = await stream.ReadAsync(answer);
        return Encoding.ASCII.GetString(answer, 0, read);
    }
}
