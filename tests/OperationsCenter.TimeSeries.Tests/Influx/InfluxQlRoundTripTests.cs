using OperationsCenter.TimeSeries.Influx;
using static OperationsCenter.TimeSeries.Tests.Influx.Readback;
using static OperationsCenter.TimeSeries.Tests.LineProtocol.Lines;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>Names and values with quotes, backslashes and line feeds survive <see cref="InfluxQl"/> on a real influxd.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxQlRoundTripTests(InfluxFixture fixture)
{
    private const string Measurement = "we\"ird\\name 'q'";
    private const string TagKey = "k\"e\\y'";
    private const string TagValue = "it's \\ a \"value\"";
    private const string FieldKey = "f'\"\\x";
    private const string Text = "line one\nit's \"two\" \\ end";

    [Fact]
    public async Task Quoted_identifiers_and_literals_select_exactly_the_written_point()
    {
        var database = InfluxFixture.NewDatabase();
        await fixture.Influx.CreateDatabaseAsync(database);
        var query = fixture.Query(database);
        var match = Point(Measurement, [(TagKey, TagValue)], [(FieldKey, F(7.25)), ("s", S(Text))], 10);
        var other = Point(Measurement, [(TagKey, TagValue + "x")], [(FieldKey, F(1)), ("s", S(Text + "x"))], 20);
        await new InfluxV1Writer(fixture.Http, fixture.Options(database)).WriteAsync(Body(match, other), CancellationToken.None);

        var byTag = await query.QueryAsync(
            $"SELECT {InfluxQl.Identifier(FieldKey)} FROM {InfluxQl.Identifier(Measurement)} WHERE {InfluxQl.Identifier(TagKey)} = {InfluxQl.StringLiteral(TagValue)}",
            CancellationToken.None);
        var byString = await query.QueryAsync(
            $"SELECT * FROM {InfluxQl.Identifier(Measurement)} WHERE \"s\" = {InfluxQl.StringLiteral(Text)} GROUP BY *",
            CancellationToken.None);

        var series = Assert.Single(byTag);
        Assert.Equal(Measurement, series.Name);
        Assert.Equal(["time", FieldKey], series.Columns);
        var row = Assert.Single(series.Values);
        Assert.Equal(10, row[0].GetInt64());
        Assert.Equal(7.25, row[1].GetDouble());

        var full = Assert.Single(byString);
        Assert.Equal(TagValue, full.Tags[TagKey]);
        AssertRow(full, 0, match);
    }

    [Fact]
    public async Task A_quoted_database_name_works_in_statements()
    {
        // InfluxDB 1.x refuses database names holding / or \ ("invalid name"), so this one has only quotes.
        var database = "db \"quoted\", 'name'";
        var query = fixture.Query(database);

        await query.QueryAsync("CREATE DATABASE " + InfluxQl.Identifier(database), CancellationToken.None);
        var databases = await query.QueryAsync("SHOW DATABASES", CancellationToken.None);

        Assert.Contains(database, Assert.Single(databases).Values.Select(r => r[0].GetString()));
        await query.QueryAsync("DROP DATABASE " + InfluxQl.Identifier(database), CancellationToken.None);
    }
}
