using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary><see cref="InfluxConnector"/> against the real influxd 1.6.7.</summary>
[Collection(InfluxCollection.Name)]
public sealed class ConnectorTests(InfluxFixture fixture)
{
    [Fact]
    public async Task Ping_detects_1x_from_the_real_influxd()
    {
        var server = await InfluxConnector.PingAsync(fixture.Http, fixture.Options("any"), CancellationToken.None);

        Assert.Equal(InfluxMajorVersion.V1, server.Version);
        Assert.Equal("1.6.7~rc0", server.VersionHeader);
        Assert.Equal("OSS", server.Build);
        Assert.Equal("InfluxDB 1.6.7~rc0 (OSS): writing to /write (1.x API).", server.Description);
    }

    [Fact]
    public async Task Connect_creates_the_missing_database_and_returns_a_working_1x_writer()
    {
        var database = InfluxFixture.NewDatabase();
        Assert.DoesNotContain(database, await DatabasesAsync());

        var writer = await InfluxConnector.ConnectAsync(fixture.Http, fixture.Options(database), CancellationToken.None);

        Assert.IsType<InfluxV1Writer>(writer);
        Assert.Equal(InfluxMajorVersion.V1, writer.Version);
        Assert.Contains(database, await DatabasesAsync());
        await writer.WriteAsync("connected v=1 1\n"u8.ToArray(), CancellationToken.None);
        Assert.Equal(1, await fixture.Influx.CountAsync(database, "connected"));
    }

    [Fact]
    public async Task Connect_twice_keeps_the_existing_database_and_its_data()
    {
        var database = InfluxFixture.NewDatabase();
        var first = await InfluxConnector.ConnectAsync(fixture.Http, fixture.Options(database), CancellationToken.None);
        await first.WriteAsync("kept v=1 1\n"u8.ToArray(), CancellationToken.None);

        await InfluxConnector.ConnectAsync(fixture.Http, fixture.Options(database), CancellationToken.None);

        Assert.Equal(1, await fixture.Influx.CountAsync(database, "kept"));
    }

    [Fact]
    public async Task Connect_leaves_databases_alone_when_creating_is_off()
    {
        var options = fixture.Options(InfluxFixture.NewDatabase());
        options.CreateDatabase = false;

        await InfluxConnector.ConnectAsync(fixture.Http, options, CancellationToken.None);

        Assert.DoesNotContain(options.Database, await DatabasesAsync());
    }

    [Fact]
    public async Task Connect_to_an_unreachable_InfluxDB_is_transient()
    {
        var options = new InfluxOptions { Url = new Uri($"http://127.0.0.1:{Testing.FreePort.Next()}/") };

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => InfluxConnector.ConnectAsync(fixture.Http, options, CancellationToken.None));

        Assert.False(error.Permanent);
        Assert.Null(error.StatusCode);
    }

    [Theory]
    [InlineData("v2.7.4", InfluxMajorVersion.V2)]
    [InlineData("3.0.1", InfluxMajorVersion.V3)]
    public async Task Connect_picks_the_InfluxDB_Client_writer_for_2x_and_3x(string header, InfluxMajorVersion expected)
    {
        await using var server = LoopbackServer.Start((_, response) => LoopbackServer.ReplyEmptyAsync(response, 204, ("X-Influxdb-Version", header)));
        var options = new InfluxOptions { Url = server.Url, Org = "province", Bucket = "b", Token = "t0k", CreateDatabase = false };

        var writer = await InfluxConnector.ConnectAsync(fixture.Http, options, CancellationToken.None);

        using var v2 = Assert.IsType<InfluxV2Writer>(writer);
        Assert.Equal(expected, v2.Version);
        var ping = Assert.Single(server.Requests);
        Assert.Equal("/ping", ping.Path);
        Assert.Equal("Token t0k", ping.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_ping_refused_for_credentials_is_transient_with_the_status()
    {
        await using var server = LoopbackServer.Start((_, response) =>
            LoopbackServer.ReplyJsonAsync(response, 401, """{"code":"unauthorized","message":"unauthorized access"}"""));

        var error = await Assert.ThrowsAsync<InfluxWriteException>(
            () => InfluxConnector.PingAsync(fixture.Http, new InfluxOptions { Url = server.Url }, CancellationToken.None));

        Assert.False(error.Permanent);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("unauthorized access", error.ServerMessage);
    }

    private async Task<IEnumerable<string?>> DatabasesAsync()
    {
        var series = await fixture.Query("_internal").QueryAsync("SHOW DATABASES", CancellationToken.None);
        return series.SelectMany(s => s.Values).Select(r => r[0].GetString()).ToList();
    }
}
