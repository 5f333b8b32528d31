using System.Text;
using System.Text.Json;
using OperationsCenter.TimeSeries.Influx;
using static OperationsCenter.TimeSeries.Tests.Influx.Readback;
using static OperationsCenter.TimeSeries.Tests.LineProtocol.Lines;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>
/// <see cref="InfluxV2Writer"/> through InfluxDB.Client, into the real influxd 1.6.7 by way of
/// <see cref="V2WriteForwarder"/>.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class V2WriterTests(InfluxFixture fixture)
{
    [Fact]
    public async Task Sends_org_bucket_precision_token_and_the_exact_body_and_the_points_land_in_InfluxDB()
    {
        var database = await NewDatabaseAsync();
        await using var server = LoopbackServer.Start(new V2WriteForwarder(fixture.Http, fixture.Influx.Url).HandleAsync);
        var points = new[]
        {
            Point("v2 load,Tân Phong", [("unit", "so tttt")], [("v", F(1.25)), ("n", I(-3)), ("u", U(7)), ("ok", B(true))], 1_000_000_001),
            Point("v2 load,Tân Phong", [("unit", "so tttt")], [("v", F(-2e-9)), ("n", I(4)), ("u", U(8)), ("ok", B(false))], 2_000_000_002),
            Point("v2 load,Tân Phong", [("unit", "so tttt")], [("s", S("two\n\nline feeds, \"quotes\" \\"))], 3_000_000_003),
        };
        var body = Body(points);
        using var writer = new InfluxV2Writer(Options(server, database));

        await writer.WriteAsync(body, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("province", request.Query["org"]);
        Assert.Equal(database, request.Query["bucket"]);
        Assert.Equal("ns", request.Query["precision"]);
        Assert.Equal("Token s3cret-token", request.Headers["Authorization"]);
        Assert.Equal(Encoding.UTF8.GetString(body).TrimEnd('\n'), request.BodyText);
        var series = await SeriesAsync(fixture.Query(database), "v2 load,Tân Phong");
        Assert.Equal("so tttt", series.Tags["unit"]);
        Assert.Equal(3, series.Values.Count);
        AssertRow(series, 0, points[0]);
        AssertRow(series, 1, points[1]);
        AssertRow(series, 2, points[2]);
    }

    [Fact]
    public async Task Writes_to_the_database_name_when_no_bucket_is_configured_and_skips_empty_bodies()
    {
        var database = await NewDatabaseAsync();
        await using var server = LoopbackServer.Start(new V2WriteForwarder(fixture.Http, fixture.Influx.Url).HandleAsync);
        var options = Options(server, database);
        options.Bucket = "";
        options.Database = database;
        using var writer = new InfluxV2Writer(options, InfluxMajorVersion.V3);

        await writer.WriteAsync(ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        await writer.WriteAsync("nb v=1 1\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal(InfluxMajorVersion.V3, writer.Version);
        Assert.Equal(database, Assert.Single(server.Requests).Query["bucket"]);
        Assert.Equal(1, await fixture.Influx.CountAsync(database, "nb"));
    }

    [Fact]
    public async Task An_empty_org_becomes_a_placeholder_for_3x_which_ignores_it()
    {
        var database = await NewDatabaseAsync();
        await using var server = LoopbackServer.Start(new V2WriteForwarder(fixture.Http, fixture.Influx.Url).HandleAsync);
        var options = Options(server, database);
        options.Org = "";
        using var writer = new InfluxV2Writer(options, InfluxMajorVersion.V3);

        await writer.WriteAsync("o v=1 1\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal("-", Assert.Single(server.Requests).Query["org"]);
        Assert.Equal(1, await fixture.Influx.CountAsync(database, "o"));
    }

    [Fact]
    public void An_empty_org_is_refused_up_front_for_2x()
    {
        var error = Assert.Throws<ArgumentException>(() => new InfluxV2Writer(new InfluxOptions { Org = "" }, InfluxMajorVersion.V2));

        Assert.Contains("OperationsCenter:Influx:Org", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_type_conflict_is_permanent_with_InfluxDBs_message()
    {
        var database = await NewDatabaseAsync();
        await using var server = LoopbackServer.Start(new V2WriteForwarder(fixture.Http, fixture.Influx.Url).HandleAsync);
        using var writer = new InfluxV2Writer(Options(server, database));
        await writer.WriteAsync("c f=1i 1\n"u8.ToArray(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync("c f=\"text\" 2\n"u8.ToArray(), CancellationToken.None));

        Assert.True(error.Permanent);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("partial write: field type conflict: input field \"f\" on measurement \"c\" is type string, already exists as type integer dropped=1", error.ServerMessage);
        Assert.Contains(error.ServerMessage!, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(401)]
    [InlineData(500)]
    public async Task Server_side_refusals_are_transient(int status)
    {
        var forwarder = new V2WriteForwarder(fixture.Http, fixture.Influx.Url) { FailWith = status };
        await using var server = LoopbackServer.Start(forwarder.HandleAsync);
        using var writer = new InfluxV2Writer(Options(server, "any"));

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync("m v=1 1\n"u8.ToArray(), CancellationToken.None));

        Assert.False(error.Permanent);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal($"test says {status}", error.ServerMessage);
    }

    [Fact]
    public async Task An_unreachable_InfluxDB_is_transient()
    {
        var options = new InfluxOptions { Url = new Uri($"http://127.0.0.1:{Testing.FreePort.Next()}/"), Org = "o", Bucket = "b", Token = "t" };
        using var writer = new InfluxV2Writer(options);

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync("m v=1 1\n"u8.ToArray(), CancellationToken.None));

        Assert.False(error.Permanent);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task Connect_creates_a_missing_2x_bucket_in_the_configured_organization()
    {
        await using var server = LoopbackServer.Start(async (request, response) =>
        {
            switch (request.Method, request.Path)
            {
                case ("GET", "/ping"):
                    await LoopbackServer.ReplyEmptyAsync(response, 204, ("X-Influxdb-Version", "v2.7.4"));
                    break;
                case ("GET", "/api/v2/buckets"):
                    await LoopbackServer.ReplyJsonAsync(response, 200, """{"buckets":[]}""");
                    break;
                case ("GET", "/api/v2/orgs"):
                    await LoopbackServer.ReplyJsonAsync(response, 200, """{"orgs":[{"id":"0a1b2c3d4e5f6071","name":"province"}]}""");
                    break;
                case ("POST", "/api/v2/buckets"):
                    await LoopbackServer.ReplyJsonAsync(response, 201, """{"id":"1111222233334444","orgID":"0a1b2c3d4e5f6071","name":"history","retentionRules":[]}""");
                    break;
                default:
                    await LoopbackServer.ReplyJsonAsync(response, 404, """{"code":"not found","message":"no"}""");
                    break;
            }
        });
        var options = Options(server, "history");

        using var writer = Assert.IsType<InfluxV2Writer>(await InfluxConnector.ConnectAsync(fixture.Http, options, CancellationToken.None));

        var requests = server.Requests;
        Assert.Equal("history", requests.Single(r => r is { Method: "GET", Path: "/api/v2/buckets" }).Query["name"]);
        Assert.Equal("province", requests.Single(r => r.Path == "/api/v2/orgs").Query["org"]);
        var create = requests.Single(r => r is { Method: "POST", Path: "/api/v2/buckets" });
        Assert.Equal("Token s3cret-token", create.Headers["Authorization"]);
        using var json = JsonDocument.Parse(create.Body);
        Assert.Equal("history", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("0a1b2c3d4e5f6071", json.RootElement.GetProperty("orgID").GetString());
    }

    private static InfluxOptions Options(LoopbackServer server, string bucket) =>
        new() { Url = server.Url, Org = "province", Bucket = bucket, Token = "s3cret-token", Database = "unused" };

    private async Task<string> NewDatabaseAsync()
    {
        var database = InfluxFixture.NewDatabase();
        await fixture.Influx.CreateDatabaseAsync(database);
        return database;
    }
}
