using System.IO.Compression;
using System.Text;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>The exact requests <see cref="InfluxV1Writer"/> sends, captured by a loopback server.</summary>
public sealed class V1WriterRequestTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Posts_the_body_as_is_with_database_retention_policy_precision_and_basic_auth()
    {
        await using var server = LoopbackServer.Start((_, response) => LoopbackServer.ReplyEmptyAsync(response, 204));
        var options = new InfluxOptions
        {
            Url = new Uri(server.Url, "prefix/"), Database = "ops center", RetentionPolicy = "one week", Username = "writer", Password = "p:ss",
        };
        var body = "m,t=1u v=1.5,s=\"x\" 1\n"u8.ToArray();

        await new InfluxV1Writer(Http, options).WriteAsync(body, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/prefix/write", request.Path);
        Assert.Equal("ops center", request.Query["db"]);
        Assert.Equal("one week", request.Query["rp"]);
        Assert.Equal("ns", request.Query["precision"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("writer:p:ss")), request.Headers["Authorization"]);
        Assert.Null(request.Headers["Content-Encoding"]);
        Assert.Equal(body, request.Body);
    }

    [Fact]
    public async Task Leaves_out_rp_and_auth_when_not_configured()
    {
        await using var server = LoopbackServer.Start((_, response) => LoopbackServer.ReplyEmptyAsync(response, 204));

        await new InfluxV1Writer(Http, new InfluxOptions { Url = server.Url }).WriteAsync("m v=1\n"u8.ToArray(), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Null(request.Query["rp"]);
        Assert.Null(request.Headers["Authorization"]);
        Assert.Equal("operations_center", request.Query["db"]);
    }

    [Fact]
    public async Task Gzips_bodies_above_the_threshold_only()
    {
        await using var server = LoopbackServer.Start((_, response) => LoopbackServer.ReplyEmptyAsync(response, 204));
        var writer = new InfluxV1Writer(Http, new InfluxOptions { Url = server.Url, GzipThresholdBytes = 100 });
        var small = Encoding.UTF8.GetBytes(new string('a', 90) + " v=1\n");
        var large = Encoding.UTF8.GetBytes(new string('a', 100) + " v=1\n");

        await writer.WriteAsync(small, CancellationToken.None);
        await writer.WriteAsync(large, CancellationToken.None);

        var requests = server.Requests;
        Assert.Null(requests[0].Headers["Content-Encoding"]);
        Assert.Equal(small, requests[0].Body);
        Assert.Equal("gzip", requests[1].Headers["Content-Encoding"]);
        using var gunzip = new GZipStream(new MemoryStream(requests[1].Body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gunzip.CopyToAsync(plain);
        Assert.Equal(large, plain.ToArray());
    }

    [Theory]
    [InlineData(400, true)]
    [InlineData(413, true)]
    [InlineData(422, true)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(429, false)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    public async Task Classifies_statuses_and_keeps_InfluxDBs_error_text(int status, bool permanent)
    {
        await using var server = LoopbackServer.Start((_, response) =>
            LoopbackServer.ReplyJsonAsync(response, status, """{"error":"influx says no"}"""));

        var error = await Assert.ThrowsAsync<InfluxWriteException>(
            () => new InfluxV1Writer(Http, new InfluxOptions { Url = server.Url }).WriteAsync("m v=1\n"u8.ToArray(), CancellationToken.None));

        Assert.Equal(permanent, error.Permanent);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("influx says no", error.ServerMessage);
        Assert.Contains("influx says no", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Falls_back_to_the_error_header_then_the_body_text()
    {
        await using var server = LoopbackServer.Start(async (request, response) =>
        {
            if (request.Query["db"] == "header")
            {
                await LoopbackServer.ReplyEmptyAsync(response, 400, ("X-Influxdb-Error", "from the header"));
            }
            else
            {
                response.StatusCode = 502;
                await response.OutputStream.WriteAsync("<html>bad gateway</html>"u8.ToArray());
            }
        });

        var fromHeader = await Assert.ThrowsAsync<InfluxWriteException>(() =>
            new InfluxV1Writer(Http, new InfluxOptions { Url = server.Url, Database = "header" }).WriteAsync("m v=1\n"u8.ToArray(), CancellationToken.None));
        var fromBody = await Assert.ThrowsAsync<InfluxWriteException>(() =>
            new InfluxV1Writer(Http, new InfluxOptions { Url = server.Url, Database = "body" }).WriteAsync("m v=1\n"u8.ToArray(), CancellationToken.None));

        Assert.Equal("from the header", fromHeader.ServerMessage);
        Assert.Equal("<html>bad gateway</html>", fromBody.ServerMessage);
        Assert.False(fromBody.Permanent);
    }

    [Fact]
    public async Task A_request_over_the_timeout_is_transient_and_the_callers_cancellation_is_not_a_write_error()
    {
        await using var server = LoopbackServer.Start(async (_, response) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            await LoopbackServer.ReplyEmptyAsync(response, 204);
        });
        var writer = new InfluxV1Writer(Http, new InfluxOptions { Url = server.Url, RequestTimeout = TimeSpan.FromMilliseconds(200) });

        var timeout = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync("m v=1\n"u8.ToArray(), CancellationToken.None));
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var patient = new InfluxV1Writer(Http, new InfluxOptions { Url = server.Url, RequestTimeout = TimeSpan.FromSeconds(30) });

        Assert.False(timeout.Permanent);
        Assert.Contains("did not answer", timeout.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => patient.WriteAsync("m v=1\n"u8.ToArray(), cancelled.Token));
    }
}
