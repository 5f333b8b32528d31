using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary><see cref="InfluxQueryClient"/>: InfluxQL JSON and InfluxDB's errors, from a real influxd.</summary>
[Collection(InfluxCollection.Name)]
public sealed class QueryClientTests(InfluxFixture fixture)
{
    [Fact]
    public async Task Returns_series_per_group_with_tags_and_nanosecond_times()
    {
        var database = await WriteAsync(
            "load,ward=a v=1 1000000001\nload,ward=b v=2 2000000002\nload,ward=a v=3 3000000003\n");

        var series = await fixture.Query(database).QueryAsync("SELECT v FROM load GROUP BY ward", CancellationToken.None);

        Assert.Equal(2, series.Count);
        Assert.All(series, s => Assert.Equal("load", s.Name));
        Assert.Equal(["a", "b"], series.Select(s => s.Tags["ward"]));
        Assert.Equal(["time", "v"], series[0].Columns);
        Assert.Equal([1000000001L, 3000000003L], series[0].Values.Select(r => r[0].GetInt64()));
        Assert.Equal([1d, 3d], series[0].Values.Select(r => r[1].GetDouble()));
    }

    [Fact]
    public async Task Nothing_matching_is_an_empty_list()
    {
        var database = await WriteAsync("x v=1 1\n");

        Assert.Empty(await fixture.Query(database).QueryAsync("SELECT * FROM nothing_here", CancellationToken.None));
    }

    [Fact]
    public async Task A_syntax_error_carries_InfluxDBs_message_and_status()
    {
        var error = await Assert.ThrowsAsync<InfluxQueryException>(
            () => fixture.Query("whatever").QueryAsync("SELEC * FROM x", CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("error parsing query: found SELEC, expected SELECT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_inside_the_result_is_thrown_too()
    {
        var error = await Assert.ThrowsAsync<InfluxQueryException>(
            () => fixture.Query("no_such_database").QueryAsync("SELECT * FROM x", CancellationToken.None));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("database not found: no_such_database", error.Message);
    }

    [Fact]
    public async Task An_unreachable_InfluxDB_is_a_query_exception_without_status()
    {
        var client = new InfluxQueryClient(fixture.Http, new InfluxOptions { Url = new Uri($"http://127.0.0.1:{Testing.FreePort.Next()}/") });

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => client.QueryAsync("SHOW DATABASES", CancellationToken.None));

        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task Values_outlive_the_response()
    {
        var database = await WriteAsync("s v=\"kept\" 5\n");

        var series = await fixture.Query(database).QueryAsync("SELECT v FROM s", CancellationToken.None);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal("kept", series[0].Values[0][1].GetString());
    }

    private async Task<string> WriteAsync(string lines)
    {
        var database = InfluxFixture.NewDatabase();
        await fixture.Influx.CreateDatabaseAsync(database);
        await new InfluxV1Writer(fixture.Http, fixture.Options(database)).WriteAsync(System.Text.Encoding.UTF8.GetBytes(lines), CancellationToken.None);
        return database;
    }
}
