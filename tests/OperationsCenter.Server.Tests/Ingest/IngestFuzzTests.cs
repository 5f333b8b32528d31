using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperationsCenter.Server.Ingest;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Fuzz;
using OperationsCenter.TimeSeries.LineProtocol;
using OperationsCenter.TimeSeries.Spool;
using Xunit.Abstractions;

namespace OperationsCenter.Server.Tests.Ingest;

/// <summary>
/// Mutation fuzzing of the real write endpoints, seeded (printed; <c>OC_FUZZ_SEED</c> replays a run): no answer is a
/// 5xx, every answer is 204 or a JSON 4xx, and what reaches the spool is exactly the valid lines of each body, as the
/// parser and the center's rules (<see cref="IngestModel"/>) say.
/// </summary>
public sealed class IngestFuzzTests(ITestOutputHelper output)
{
    private const string Department = "so-noi-vu";
    private const int Requests = 300;

    private static readonly (Precision Precision, string V1, string V2)[] Precisions =
    [
        (Precision.Nanoseconds, "n", "ns"), (Precision.Microseconds, "u", "us"), (Precision.Milliseconds, "ms", "ms"), (Precision.Seconds, "s", "s"),
    ];

    [Fact]
    public async Task Random_and_mutated_bodies_get_204_or_a_json_4xx_and_exactly_their_valid_lines_are_stored()
    {
        var seed = FuzzSeed.Next();
        output.WriteLine(FuzzSeed.Replay(seed));

        // Hundreds of requests in a few seconds from one department: the rate limit has its own test.
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:Ingest:RateLimit:RequestsPerSecond"] = "0" });
        var spool = host.Services.GetRequiredService<Spool>();
        var model = new IngestModel(Department, host.Services.GetRequiredService<IOptions<IngestOptions>>().Value.Limits);
        var fuzz = new LineFuzzer(seed);
        var random = fuzz.Random;
        using var client = host.CreateClient();
        var statuses = new SortedDictionary<int, int>();
        int lines = 0, stored = 0;

        for (var r = 0; r < Requests; r++)
        {
            var v2 = r % 2 == 1;
            var (precision, v1Name, v2Name) = Precisions[random.Next(Precisions.Length)];
            var now = DateTimeOffset.UtcNow;
            var unit = PrecisionNames.NanosecondsPerUnit(precision);
            var body = Body(fuzz, UnixNanos(now) / unit, 86_400_000_000_000 / unit);
            var encoding = random.Next(10) switch { 0 => "broken-gzip", < 3 => "gzip", _ => "" };
            var url = v2 ? $"/api/v2/write?org=o&bucket=ioc&precision={v2Name}" : $"/write?db=ioc&precision={v1Name}";
            var context = $"{FuzzSeed.Replay(seed)}, request {r} ({url}, {(encoding == "" ? "plain" : encoding)})\nbody: {Convert.ToBase64String(body)}";

            var from = spool.CommittedOffset;
            var before = UnixNanos(DateTimeOffset.UtcNow);
            using var response = await client.SendAsync(Request(url, body, encoding));
            var after = UnixNanos(DateTimeOffset.UtcNow);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;

            Assert.True(status == 204 || (status is >= 400 and < 500), $"{context}\nanswered {status}: {text}");
            if (status != 204)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{context}\na {status} must be JSON: {text}");
                Assert.False(string.IsNullOrWhiteSpace(Message(text, v2)), $"{context}\na {status} must say what is wrong: {text}");
            }

            var kept = StoredSince(spool, from);
            if (encoding == "broken-gzip")
            {
                Assert.True(status == 400 && text.Contains("not valid gzip", StringComparison.Ordinal), $"{context}\nexpected 400 for a broken gzip body, got {status}: {text}");
                Assert.Empty(kept);
                continue;
            }

            var (expected, refused, foreign) = model.Expect(body, precision, before);
            lines += expected.Count + refused;
            stored += kept.Count;
            var expectedStatus = refused == 0 ? 204 : expected.Count == 0 && foreign == refused ? 403 : 400;
            Assert.True(status == expectedStatus, $"{context}\nexpected {expectedStatus} ({expected.Count} kept, {refused} refused), got {status}: {text}");
            if (status == 400)
            {
                Assert.True(Message(text, v2)!.Contains($"partial write: {expected.Count} accepted, {refused} rejected", StringComparison.Ordinal),
                    $"{context}\nexpected {expected.Count} accepted and {refused} rejected, got: {text}\nexpected kept:\n{string.Join("\n", expected)}");
            }

            Assert.True(kept.Count == expected.Count, $"{context}\nexpected {expected.Count} points stored, found {kept.Count}:\n{string.Join("\n", kept)}");
            for (var i = 0; i < kept.Count; i++)
            {
                Assert.True(SamePoint(expected[i], kept[i], before, after, PrecisionNames.NanosecondsPerUnit(precision)),
                    $"{context}\npoint {i} stored differently\nexpected: {expected[i]}\nstored:   {kept[i]}");
            }
        }

        output.WriteLine($"{Requests} requests, {lines} lines, {stored} points stored; answers: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(stored > 100, $"the fuzz should store some valid lines too, stored {stored}");
    }

    /// <summary>A body of 1 to 30 pieces: valid lines (a few measurements shared across requests, so field types meet), mutations of them and random bytes.</summary>
    private static byte[] Body(LineFuzzer fuzz, long now, long day)
    {
        var random = fuzz.Random;
        var body = new List<byte>();
        var pieces = random.Next(1, 31);
        for (var p = 0; p < pieces; p++)
        {
            var valid = fuzz.ValidLine($"fz{random.Next(6)}", now, day);
            body.AddRange(random.Next(10) switch
            {
                < 5 => Encoding.UTF8.GetBytes(valid),
                < 9 => fuzz.Mutate(valid),
                _ => fuzz.RandomBytes(80),
            });
            body.AddRange(random.Next(6) == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
        }

        return [.. body];
    }

    private static HttpRequestMessage Request(string url, byte[] body, string encoding)
    {
        HttpContent content;
        if (encoding == "")
        {
            content = new ByteArrayContent(body);
        }
        else
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(body);
            }

            var bytes = buffer.ToArray();
            if (encoding == "broken-gzip")
            {
                bytes[1] ^= 0xFF;
            }

            content = new ByteArrayContent(bytes);
            content.Headers.ContentEncoding.Add("gzip");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", TestDepartments.KeyFor(Department));
        return request;
    }

    /// <summary>The points appended to the spool after <paramref name="from"/>, without alert history.</summary>
    private static List<LinePoint> StoredSince(Spool spool, long from)
    {
        using var batch = spool.Read(from, int.MaxValue);
        if (batch is null)
        {
            return [];
        }

        var points = new List<LinePoint>();
        var reader = new LineProtocolReader(batch.Payload.Span);
        while (reader.Read())
        {
            Assert.True(reader.IsValid, $"the spool holds a line InfluxDB would refuse: {reader.Error}");
            var point = reader.ToPoint();
            if (point.Measurement != "alert_history")
            {
                points.Add(point);
            }
        }

        return points;
    }

    /// <summary>Same measurement, tags, fields and time; a point sent without time got the receive time.</summary>
    /// <summary>The same point; one sent without a timestamp has the receive time, truncated to the request's precision (<paramref name="unit"/>).</summary>
    private static bool SamePoint(LinePoint expected, LinePoint stored, long before, long after, long unit)
    {
        static IEnumerable<string> Tags(LinePoint p) => p.Tags.Select(t => t.Key + "\u0001" + t.Value).Order(StringComparer.Ordinal);

        return expected.Measurement == stored.Measurement
            && Tags(expected).SequenceEqual(Tags(stored))
            && expected.Fields.Count == stored.Fields.Count
            && expected.Fields.Zip(stored.Fields).All(f => f.First.Key == f.Second.Key && f.First.Value.Equals(f.Second.Value))
            && (expected.Timestamp is { } time ? stored.Timestamp == time : stored.Timestamp >= before / unit * unit && stored.Timestamp <= after && stored.Timestamp % unit == 0);
    }

    private static string? Message(string json, bool v2)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return root.TryGetProperty(v2 ? "message" : "error", out var message) ? message.GetString() : null;
    }

    private static long UnixNanos(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;
}
