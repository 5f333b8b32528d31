using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OperationsCenter.Testing;
using Xunit.Abstractions;

namespace OperationsCenter.Server.Tests.Ingest;

/// <summary>
/// Communes on weak mobile links send their bodies slowly. Over real sockets, bodies trickle at 300 bytes a second
/// (eight from two departments; then five hundred from 49), and another department's one-line writes are answered
/// meanwhile as if nothing were happening, because a body is read before it takes a processing slot.
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
        var begun = new CountdownEvent(8);
        var slow = new[] { "so-noi-vu", "xa-ban-bo" }
            .SelectMany(department => Enumerable.Range(0, 4).Select(_ => TrickleAsync(host.Port, department, TestDepartments.KeyFor(department), begun, stop.Token)))
            .ToList();

        // Every slow connection has sent its headers and begun its body.
        await Await.UntilAsync(() => Task.FromResult(begun.IsSet), set => set, "the eight slow bodies begun");
        Assert.All(slow, s => Assert.False(s.IsCompleted, "a slow sender was answered before its body was sent"));

        await AssertFastWritesAsync(host, "phuong-tan-phong", TestDepartments.KeyFor("phuong-tan-phong"), "8 bodies of 2 departments");

        // The slow ones finish too, and what they sent is kept.
        await stop.CancelAsync();
        var answers = await Task.WhenAll(slow);
        Assert.All(answers, a => Assert.StartsWith("HTTP/1.1 204", a));
        await LiveState.AwaitSeriesAsync(host, "t_slow", s => s.GetArrayLength() == 8, "the eight slow bodies' series");
    }

    [Fact]
    public async Task Five_hundred_slow_bodies_over_49_departments_do_not_hold_up_the_fiftieth()
    {
        var catalog = OperationsCenter.Catalog.CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml"));
        await using var host = await CenterHost.StartAsync(Simulation.SimulatedFeedTests.DemoSettings(catalog));
        var departments = catalog.Departments.Select(d => d.Id).ToList();
        using var stop = new CancellationTokenSource();
        var begun = new CountdownEvent(500);
        var slow = Enumerable.Range(0, 500)
            .Select(i => departments[i % 49])
            .Select(department => TrickleAsync(host.Port, department, OperationsCenter.Simulator.DemoKeys.For(department), begun, stop.Token))
            .ToList();
        await Await.UntilAsync(() => Task.FromResult(begun.IsSet), set => set, "the 500 slow bodies begun (or refused)", TimeSpan.FromSeconds(30));

        var fiftieth = departments[49];
        await AssertFastWritesAsync(host, fiftieth, OperationsCenter.Simulator.DemoKeys.For(fiftieth), "500 bodies of 49 departments");

        // Each department had its cap of bodies in flight and the rest (10 or 11 a department in all, within its queue)
        // waiting before their bodies were read; once the bodies are sent, every one is stored.
        await stop.CancelAsync();
        var answers = await Task.WhenAll(slow);
        var admitted = answers.Count(a => a.StartsWith("HTTP/1.1 204", StringComparison.Ordinal));
        output.WriteLine($"{admitted} slow bodies admitted and stored, {answers.Count(a => a.StartsWith("HTTP/1.1 429", StringComparison.Ordinal))} refused with 429");
        Assert.All(answers, a => Assert.StartsWith("HTTP/1.1 204", a));
        Assert.Equal(500, admitted);
    }

    /// <summary>Forty one-line writes one after another, each answered in well under a second; logs p50 and p99.</summary>
    private async Task AssertFastWritesAsync(CenterHost host, string department, string key, string meanwhile)
    {
        using var client = host.CreateClient();
        var latencies = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            using var request = Send.Lines("/write?db=ioc", $"t_fast,desk=a v={i}", key);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        output.WriteLine($"one-line writes of {department} while {meanwhile} trickle at {BytesPerSecond} B/s: p50 {p50:F1} ms, p99 {p99:F1} ms, max {latencies[^1]:F1} ms");
        Assert.True(latencies[^1] < 1000, $"a write waited {latencies[^1]:F0} ms behind slow bodies (p50 {p50:F1} ms, p99 {p99:F1} ms)");
    }

    /// <summary>
    /// Sends a write's headers, then its body at <see cref="BytesPerSecond"/> until told to stop (or answered early,
    /// as a refused request is), then the rest at once; returns the status line.
    /// </summary>
    private static async Task<string> TrickleAsync(int port, string department, string key, CountdownEvent begun, CancellationToken stop)
    {
        var connection = $"{department}-{Guid.NewGuid():N}";
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"t_slow,conn={connection} v={i}\n")));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var headers = $"POST /write?db=ioc HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token {key}\r\n" +
                      $"Content-Type: text/plain\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers));
        var answer = new byte[256];
        var reading = stream.ReadAsync(answer).AsTask();
        var sent = 0;
        var signalled = false;
        const int chunk = BytesPerSecond / 10;
        try
        {
            while (sent < body.Length && !stop.IsCancellationRequested && !reading.IsCompleted)
            {
                var size = Math.Min(chunk, body.Length - sent);
                await stream.WriteAsync(body.AsMemory(sent, size));
                if (!signalled)
                {
                    signalled = true;
                    begun.Signal();
                }

                sent += size;
                await Task.WhenAny(reading, Task.Delay(100, stop));
            }

            if (!reading.IsCompleted)
            {
                await stream.WriteAsync(body.AsMemory(sent));
            }
        }
        catch (IOException)
        {
            // The server answered and closed while we were still sending: its answer is what counts.
        }
        finally
        {
            // A request refused from its headers alone (429 before any body byte) has begun as far as it ever will.
            if (!signalled)
            {
                begun.Signal();
            }
        }

        var read = await reading;
        return Encoding.ASCII.GetString(answer, 0, read);
    }
}
