using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>The quoting helpers' exact output (their effect on a real server is in <see cref="InfluxQlRoundTripTests"/>).</summary>
public sealed class InfluxQlTests
{
    [Theory]
    [InlineData("cpu", "\"cpu\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\path\", @"""C:\\path\\""")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a\nb", "\"a\\nb\"")]
    [InlineData("", "\"\"")]
    public void Identifier_double_quotes_and_escapes(string name, string expected) => Assert.Equal(expected, InfluxQl.Identifier(name));

    [Theory]
    [InlineData("a", "'a'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"C:\path\", @"'C:\\path\\'")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("a\nb", "'a\\nb'")]
    public void StringLiteral_single_quotes_and_escapes(string value, string expected) => Assert.Equal(expected, InfluxQl.StringLiteral(value));
}
