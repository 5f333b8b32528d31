using System.Text;
using OperationsCenter.TimeSeries.Influx;
using static OperationsCenter.TimeSeries.Tests.Influx.Readback;
using static OperationsCenter.TimeSeries.Tests.LineProtocol.Lines;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary><see cref="InfluxV1Writer"/> against a real influxd 1.6.7: what goes in comes back exactly.</summary>
[Collection(InfluxCollection.Name)]
public sealed class V1WriterTests(InfluxFixture fixture)
{
    private const long T = 1_700_000_000_123_456_789;

    [Fact]
    public async Task Every_field_type_round_trips_exactly()
    {
        var (writer, query) = await NewDatabaseAsync();
        var point = Point("types", [("host", "a")],
        [
            ("f", F(1.5)), ("f_exp", F(-1.25e-7)), ("f_max", F(double.MaxValue)), ("f_tiny", F(double.Epsilon)),
            ("f_whole", F(3)), ("f_third", F(1d / 3)), ("i_max", I(long.MaxValue)), ("i_min", I(long.MinValue)),
            ("i_zero", I(0)), ("u", U(42)), ("u_max_long", U(long.MaxValue)), ("b_t", B(true)), ("b_f", B(false)),
            ("s", S("plain")), ("s_empty", S("")),
        ], T);

        await writer.WriteAsync(Body(point), CancellationToken.None);

        AssertRow(await SeriesAsync(query, "types"), 0, point);
    }

    [Fact]
    public async Task Accepts_InfluxDBs_other_spellings_of_floats_and_booleans()
    {
        var (writer, query) = await NewDatabaseAsync();
        var body = "spell f1=1e3,f2=6.02E+23,f3=-2.5e-300,f4=.5,f5=1.,b1=t,b2=F,b3=True,b4=FALSE,i=-7i 5\n"u8.ToArray();

        await writer.WriteAsync(body, CancellationToken.None);

        var series = await SeriesAsync(query, "spell");
        Assert.Equal(1000d, Cell(series, 0, "f1").GetDouble());
        Assert.Equal(6.02e23, Cell(series, 0, "f2").GetDouble());
        Assert.Equal(-2.5e-300, Cell(series, 0, "f3").GetDouble());
        Assert.Equal(0.5, Cell(series, 0, "f4").GetDouble());
        Assert.Equal(1d, Cell(series, 0, "f5").GetDouble());
        Assert.True(Cell(series, 0, "b1").GetBoolean());
        Assert.False(Cell(series, 0, "b2").GetBoolean());
        Assert.True(Cell(series, 0, "b3").GetBoolean());
        Assert.False(Cell(series, 0, "b4").GetBoolean());
        Assert.Equal(-7, Cell(series, 0, "i").GetInt64());
    }

    [Fact]
    public async Task Escaped_measurements_tags_field_keys_and_strings_round_trip()
    {
        var (writer, query) = await NewDatabaseAsync();
        var point = Point(
            "cpu,load avg=1",
            [("host name=x,y", "a,b=c d"), ("path", @"C:\temp\x"), ("ward", "Phường Tân Phong")],
            [
                ("used pct,=x \"q\"", F(0.5)),
                ("note", S("say \"hi\", a=b \\ back\\slash \\\" and\nline feed ☃")),
                ("trailing", S("ends with \\")),
            ],
            T);

        await writer.WriteAsync(Body(point), CancellationToken.None);

        var series = await SeriesAsync(query, "cpu,load avg=1");
        Assert.Equal("cpu,load avg=1", series.Name);
        Assert.Equal(
            new Dictionary<string, string> { ["host name=x,y"] = "a,b=c d", ["path"] = @"C:\temp\x", ["ward"] = "Phường Tân Phong" },
            series.Tags);
        AssertRow(series, 0, point);
    }

    [Fact]
    public async Task Unsigned_fields_are_stored_as_integers_and_only_values_beyond_a_long_are_refused()
    {
        var (writer, query) = await NewDatabaseAsync();
        var body = "uns v=42u 1\nuns v=18446744073709551615u 2\nuns v=9223372036854775807u 3\n"u8.ToArray();

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync(body, CancellationToken.None));

        Assert.True(error.Permanent);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("unable to parse 'uns v=18446744073709551615u 2': invalid number", error.Message, StringComparison.Ordinal);
        var series = await SeriesAsync(query, "uns");
        Assert.Equal([1L, 3L], series.Values.Select(r => r[0].GetInt64()));
        Assert.Equal([42L, long.MaxValue], series.Values.Select(r => r[1].GetInt64()));
    }

    [Fact]
    public async Task Without_the_rewrite_InfluxDB_1x_refuses_unsigned_fields()
    {
        var database = InfluxFixture.NewDatabase();
        var options = fixture.Options(database);
        options.UnsignedAsIntegerOnV1 = false;
        var writer = new InfluxV1Writer(fixture.Http, options);

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync("uns v=42u 1\n"u8.ToArray(), CancellationToken.None));

        Assert.True(error.Permanent);
        Assert.Equal("unable to parse 'uns v=42u 1': invalid number", error.ServerMessage);
    }

    [Fact]
    public async Task A_field_type_conflict_is_permanent_with_InfluxDBs_message_and_the_other_lines_are_kept()
    {
        var (writer, _, database) = await NewDatabaseWithNameAsync();
        await writer.WriteAsync("conflict f=1i 1\n"u8.ToArray(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InfluxWriteException>(
            () => writer.WriteAsync("conflict f=1.5 2\nconflict f=3i 3\n"u8.ToArray(), CancellationToken.None));

        Assert.True(error.Permanent);
        Assert.Equal(400, error.StatusCode);
        const string influx = "partial write: field type conflict: input field \"f\" on measurement \"conflict\" is type float, already exists as type integer dropped=1";
        Assert.Equal(influx, error.ServerMessage);
        Assert.Contains(influx, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await fixture.Influx.CountAsync(database, "conflict"));
    }

    [Fact]
    public async Task Creates_a_missing_database_on_write_when_allowed()
    {
        var database = InfluxFixture.NewDatabase();
        var writer = new InfluxV1Writer(fixture.Http, fixture.Options(database));

        await writer.WriteAsync("late v=1 1\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal(1, await fixture.Influx.CountAsync(database, "late"));
    }

    [Fact]
    public async Task A_missing_database_is_transient_when_creating_is_not_allowed()
    {
        var options = fixture.Options(InfluxFixture.NewDatabase());
        options.CreateDatabase = false;
        var writer = new InfluxV1Writer(fixture.Http, options);

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync("m v=1 1\n"u8.ToArray(), CancellationToken.None));

        Assert.False(error.Permanent);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal($"database not found: \"{options.Database}\"", error.ServerMessage);
    }

    [Fact]
    public async Task A_missing_retention_policy_is_a_transient_500()
    {
        var (_, _, database) = await NewDatabaseWithNameAsync();
        var options = fixture.Options(database);
        options.RetentionPolicy = "nope";
        var writer = new InfluxV1Writer(fixture.Http, options);

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync("m v=1 1\n"u8.ToArray(), CancellationToken.None));

        Assert.False(error.Permanent);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("retention policy not found: nope", error.ServerMessage);
    }

    [Fact]
    public async Task A_body_above_the_gzip_threshold_arrives_whole()
    {
        var (writer, _, database) = await NewDatabaseWithNameAsync();
        var body = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            body.Append("big,department=so-tttt value=").Append(i).Append("i,note=\"line ").Append(i).Append("\" ").Append(i + 1).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        Assert.True(bytes.Length > 64 * 1024);

        await writer.WriteAsync(bytes, CancellationToken.None);

        Assert.Equal(5000, await fixture.Influx.CountAsync(database, "big", "value"));
    }

    [Fact]
    public async Task An_unreachable_InfluxDB_is_transient()
    {
        var options = new InfluxOptions { Url = new Uri($"http://127.0.0.1:{Testing.FreePort.Next()}/") };
        var writer = new InfluxV1Writer(fixture.Http, options);

        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync("m v=1 1\n"u8.ToArray(), CancellationToken.None));

        Assert.False(error.Permanent);
        Assert.Null(error.StatusCode);
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    private async Task<(InfluxV1Writer Writer, InfluxQueryClient Query)> NewDatabaseAsync()
    {
        var (writer, query, _) = await NewDatabaseWithNameAsync();
        return (writer, query);
    }

    private async Task<(InfluxV1Writer Writer, InfluxQueryClient Query, string Database)> NewDatabaseWithNameAsync()
    {
        var database = InfluxFixture.NewDatabase();
        await fixture.Influx.CreateDatabaseAsync(database);
        return (new InfluxV1Writer(fixture.Http, fixture.Options(database)), fixture.Query(database), database);
    }
}
