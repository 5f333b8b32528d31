using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Ingest;

/// <summary>
/// Every default ingest limit through HTTP on the real server: a line past a per-line limit is a bad line of a partial
/// write (the valid lines of the same body are kept), a request past a per-request limit is 413 and nothing is stored.
/// </summary>
[Collection(CenterCollection.Name)]
public sealed class LimitTests(CenterFixture fixture)
{
    private const string Department = "so-noi-vu";
    private CenterHost Host => fixture.Host;
    private string Key => Host.KeyFor(Department);

    public static TheoryData<string, string, string> PastEachLineLimit => new()
    {
        { "tags", $"desk=b,{string.Join(",", Enumerable.Range(0, 100).Select(i => $"t{i:D3}=x"))} v=2", "more than 100 on one point (limit MaxTagsPerPoint)" },
        { "fields", $"desk=b {string.Join(",", Enumerable.Range(0, 201).Select(i => $"f{i}=1"))}", "more than 200 on one point (limit MaxFieldsPerPoint)" },
        { "tagkey", $"desk=b,{new string('k', 257)}=x v=2", "a tag key is 257 bytes, over the limit of 256 (MaxTagKeyBytes)" },
        { "tagvalue", $"desk={new string('v', 1025)} v=2", "value of tag \"desk\" is 1025 bytes, over the limit of 1024 (MaxTagValueBytes)" },
        { "fieldkey", $"desk=b {new string('f', 257)}=2", "a field key is 257 bytes, over the limit of 256 (MaxFieldKeyBytes)" },
        { "serieskey", $"desk=b,{string.Join(",", Enumerable.Range(0, 5).Select(i => $"t{i}={new string('v', 1000)}"))} v=2", "over the limit of 4096 (MaxSeriesKeyBytes)" },
        { "string", $"desk=b note=\"{new string('s', 65_537)}\"", "string field \"note\" is 65537 bytes, over the limit of 65536 (MaxStringFieldBytes)" },
    };

    [Theory]
    [MemberData(nameof(PastEachLineLimit))]
    public async Task A_line_past_a_limit_is_refused_naming_the_limit_and_the_other_lines_are_kept(string name, string pastLimit, string reason)
    {
        var measurement = $"t_limit_{name}";
        var body = $"{measurement},desk=a v=1\n{measurement},{pastLimit}\n{measurement},desk=c v=3\n";
        var error = await ErrorOfAsync(Send.Lines("/write?db=ioc", body, Key), HttpStatusCode.BadRequest, "error");

        Assert.Contains("2 accepted, 1 rejected", error);
        Assert.Contains("line 2: unable to parse", error);
        Assert.Contains(reason, error);
        await AwaitDesksAsync(measurement, "a", "c");
    }

    [Fact]
    public async Task A_measurement_past_the_limit_is_refused_in_the_v2_shape()
    {
        var body = $"t_limit_measurement,desk=a v=1\n{new string('m', 257)},desk=b v=2\nt_limit_measurement,desk=c v=3";
        var message = await ErrorOfAsync(Send.Lines("/api/v2/write?org=o&bucket=ioc", body, Key), HttpStatusCode.BadRequest, "message", "invalid");

        Assert.Contains("line 2: unable to parse", message);
        Assert.Contains("measurement is 257 bytes, over the limit of 256 (MaxMeasurementBytes)", message);
        await AwaitDesksAsync("t_limit_measurement", "a", "c");
    }

    [Fact]
    public async Task A_timestamp_more_than_an_hour_ahead_is_refused_saying_so_and_old_ones_are_kept()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = $"t_limit_future,desk=a v=1 {now}\nt_limit_future,desk=b v=2 {now + 7200}\nt_limit_future,desk=c v=3 978307200\n" +
                   $"t_limit_future,desk=d v=4 {now + (30 * 86_400)}";
        var error = await ErrorOfAsync(Send.Lines("/write?db=ioc&precision=s", body, Key), HttpStatusCode.BadRequest, "error");

        Assert.Contains("2 accepted, 2 rejected", error);
        Assert.Contains("line 2: timestamp ", error);
        Assert.Contains("is more than 01:00:00 ahead of the center's clock (limit OperationsCenter:Ingest:Limits:MaxFutureTime)", error);
        Assert.Contains("line 4: ", error);
        Assert.Contains("precision parameter (seconds in this request)", error);
        await AwaitDesksAsync("t_limit_future", "a", "c");
    }

    [Fact]
    public async Task A_request_of_more_lines_than_allowed_is_413_naming_the_limit_and_nothing_is_stored()
    {
        var body = new StringBuilder();
        for (var i = 0; i <= 100_000; i++)
        {
            body.Append("t_limit_lines,desk=d").Append(i % 10).Append(" v=1\n");
        }

        var message = await ErrorOfAsync(Send.Lines("/api/v2/write?org=o&bucket=ioc", body.ToString(), Key), HttpStatusCode.RequestEntityTooLarge, "message", "request too large");

        Assert.Contains("more than 100000 lines", message);
        Assert.Contains("MaxLinesPerRequest", message);
        await AssertNothingStoredAsync("t_limit_lines");
    }

    [Fact]
    public async Task A_chunked_body_over_the_size_limit_is_413_naming_the_limit()
    {
        var line = "t_limit_chunked,desk=a v=1\n"u8.ToArray();
        var body = new byte[(10 * 1024 * 1024) + (64 * 1024)];
        for (var i = 0; i + line.Length <= body.Length; i += line.Length)
        {
            line.CopyTo(body, i);
        }

        var request = Chunked("/write?db=ioc", body, gzip: false);
        Assert.Null(request.Content!.Headers.ContentLength);
        var error = await ErrorOfAsync(request, HttpStatusCode.RequestEntityTooLarge, "error");

        Assert.Contains("exceeds the limit of 10485760 bytes (OperationsCenter:Ingest:MaxBodyBytes)", error);
        await AssertNothingStoredAsync("t_limit_chunked");
    }

    [Fact]
    public async Task A_gzip_bomb_is_413_naming_the_decompressed_limit()
    {
        // 33 MiB of lines that compress to well under the 10 MiB body limit.
        var line = "t_limit_bomb,desk=a v=1\n"u8.ToArray();
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[line.Length * 40_000];
            for (var i = 0; i < block.Length; i += line.Length)
            {
                line.CopyTo(block, i);
            }

            for (long written = 0; written <= 33L * 1024 * 1024; written += block.Length)
            {
                gzip.Write(block);
            }
        }

        Assert.True(compressed.Length < 10 * 1024 * 1024, $"the bomb should pass the body limit as sent, is {compressed.Length} bytes");
        var error = await ErrorOfAsync(Chunked("/write?db=ioc", compressed.ToArray(), gzip: true), HttpStatusCode.RequestEntityTooLarge, "error");

        Assert.Contains("exceeds the limit of 33554432 bytes after gzip decompression (OperationsCenter:Ingest:MaxDecompressedBytes)", error);
        await AssertNothingStoredAsync("t_limit_bomb");
    }

    [Fact]
    public async Task Malformed_requests_are_400_or_415_with_a_message_saying_what_to_fix()
    {
        var badGzip = Post("/write?db=ioc", new ByteArrayContent("not gzip at all"u8.ToArray()));
        badGzip.Content!.Headers.ContentEncoding.Add("gzip");
        Assert.Contains("not valid gzip", await ErrorOfAsync(badGzip, HttpStatusCode.BadRequest, "error"));

        var brotli = Post("/api/v2/write?bucket=ioc", new StringContent("t_limit_br v=1"));
        brotli.Content!.Headers.ContentEncoding.Add("br");
        Assert.Contains("send gzip or an uncompressed body", await ErrorOfAsync(brotli, HttpStatusCode.UnsupportedMediaType, "message"));

        foreach (var (json, expected) in new[]
        {
            ("{\"points\": [", "body is not valid JSON"),
            ("<points><point/></points>", "body is not valid JSON"),
            ("{\"points\": 5}", "no points array"),
            (new string('[', 100) + new string(']', 100), "body is not valid JSON"),
        })
        {
            var feed = Post("/api/v1/feeds", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Contains(expected, await ErrorOfAsync(feed, HttpStatusCode.BadRequest, "error"));
        }

        // Bytes that are not text at all: each line is a bad line, named, and nothing else happens.
        var binary = Post("/write?db=ioc", new ByteArrayContent([0xFF, 0xFE, 0x00, 0x41, 0x0A, 0xC3, 0x28, 0x20, 0x3D]));
        Assert.Contains("0 accepted, 2 rejected", await ErrorOfAsync(binary, HttpStatusCode.BadRequest, "error"));
    }

    [Fact]
    public async Task A_json_feed_of_more_points_than_allowed_is_413_in_the_feed_shape()
    {
        var points = string.Join(",", Enumerable.Range(0, 100_001).Select(i => "{\"measurement\":\"t_limit_feed\",\"fields\":{\"v\":1}}"));
        var request = Post("/api/v1/feeds", new StringContent($"[{points}]", Encoding.UTF8, "application/json"));

        Assert.Contains("more than 100000 points", await ErrorOfAsync(request, HttpStatusCode.RequestEntityTooLarge, "error"));
        await AssertNothingStoredAsync("t_limit_feed");
    }

    [Fact]
    public async Task A_json_feed_point_past_a_line_limit_or_unwritable_is_refused_by_its_index_and_the_others_are_kept()
    {
        // JSON points are prepared without becoming text: the same limits and name rules must hold for them.
        var tags = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"k{i}\":\"v\""));
        var json = "[" +
            "{\"measurement\":\"t_limit_json\",\"tags\":{\"desk\":\"kept\"},\"fields\":{\"v\":1}}," +
            $"{{\"measurement\":\"t_limit_json\",\"tags\":{{{tags}}},\"fields\":{{\"v\":2}}}}," +
            "{\"measurement\":\"t_limit_json\",\"tags\":{\"desk\":\"a\\nb\"},\"fields\":{\"v\":3}}]";

        var error = await ErrorOfAsync(Post("/api/v1/feeds", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "error");

        Assert.Contains("1 accepted, 2 rejected", error);
        Assert.Contains("points[1]: too many tags: more than 100 on one point (limit MaxTagsPerPoint)", error);
        Assert.Contains("points[2]: Cannot write tag value", error);
        await AwaitDesksAsync("t_limit_json", "kept");
    }

    private HttpRequestMessage Chunked(string url, byte[] body, bool gzip)
    {
        // A non-seekable stream has no length, so HttpClient sends it chunked, without Content-Length.
        var content = new StreamContent(new NonSeekable(body));
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return Post(url, content);
    }

    private HttpRequestMessage Post(string url, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Key);
        return request;
    }

    private async Task AwaitDesksAsync(string measurement, params string[] desks)
    {
        var series = await LiveState.AwaitSeriesAsync(Host, measurement, s => s.GetArrayLength() == desks.Length, string.Join(" and ", desks.Select(d => $"desk={d}")) + " kept");
        Assert.Equal(desks, series.EnumerateArray().Select(s => s.GetProperty("tags").GetProperty("desk").GetString()).Order());
    }

    /// <summary>
    /// Writes a marker line after the refused request and waits for it: live state takes lines in the order they were
    /// accepted, so once the marker shows, anything the refused request had let through would show too.
    /// </summary>
    private async Task AssertNothingStoredAsync(string measurement)
    {
        await Host.WriteLinesAsync(Department, $"{measurement},desk=marker v=0");
        await AwaitDesksAsync(measurement, "marker");
    }

    /// <summary>Sends the request, checks the status (and the v2 code), and returns the JSON error's message.</summary>
    private async Task<string> ErrorOfAsync(HttpRequestMessage request, HttpStatusCode status, string property, string? code = null)
    {
        using (request)
        {
            using var client = Host.CreateClient();
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
            var root = JsonDocument.Parse(text).RootElement;
            if (code is not null)
            {
                Assert.Equal(code, root.GetProperty("code").GetString());
            }

            return root.GetProperty(property).GetString()!;
        }
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
