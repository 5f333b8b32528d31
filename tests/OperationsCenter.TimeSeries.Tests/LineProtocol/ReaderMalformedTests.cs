using OperationsCenter.TimeSeries.LineProtocol;
using static OperationsCenter.TimeSeries.Tests.LineProtocol.Lines;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>
/// Malformed lines: each must be reported (never thrown) with InfluxDB's "unable to parse '&lt;line&gt;': &lt;reason&gt;".
/// Most cases come from InfluxDB's models/points_test.go.
/// </summary>
public sealed class ReaderMalformedTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // Structure.
        { "cpu", "missing fields" },
        { "cpu ", "missing fields" },
        { "cpu_load_short,host=server01,region=us-west", "missing fields" },
        { "cpu,host==", "missing fields" },
        { "=", "missing fields" },
        { ",host=a v=1", "missing measurement" },
        { "cpu, value=1", "missing tag key" },
        { "cpu,", "missing tag key" },
        { "cpu,,,", "missing tag key" },
        { "cpu,host=serverA,=us-east value=1i", "missing tag key" },
        { @"cpu,host=serverAa\,,=us-east value=1i", "missing tag key" },
        { "cpu, =serverA value=1i", "missing tag key" },
        { "cpu,host", "missing tag value" },
        { "cpu,host,", "missing tag value" },
        { "cpu,host=", "missing tag value" },
        { "cpu,host value=1i", "missing tag value" },
        { "cpu,host=serverA,region value=1i", "missing tag value" },
        { "cpu,host=serverA,region= value=1i", "missing tag value" },
        { "cpu,host=serverA,region=,zone=us-west value=1i", "missing tag value" },
        { "cpu,host=f=o, v=1", "invalid tag format" },
        { @"cpu,host=f\==o, v=1", "invalid tag format" },
        { "cpu,host=serverA,region=us-west =", "missing field key" },
        { "cpu,host=serverA,region=us-west =123i", "missing field key" },
        { "cpu,host=serverA,region=us-west value=123i,=456i", "missing field key" },
        { "cpu,host=serverA,region=us-west value=", "missing field value" },
        { "cpu,host=serverA,region=us-west value= 1000000000i", "missing field value" },
        { "cpu,host=serverA,region=us-west value=,value2=1i", "missing field value" },
        { "cpu,host=server01,region=us-west 1434055562000000000i", "invalid field format" },
        { "cpu,host=server01,region=us-west value=1i,b", "invalid field format" },
        { "cpu value", "invalid field format" },
        { "cpu v=1,", "invalid field format" },
        { "cpu v=1, w=2", "invalid field format" },
        { "cpu ,v=1", "invalid field format" },
        { "m f=\"blah\"=123,r 1531703600000000000", "invalid field format" },

        // Quotes.
        { "cpu,host=serverA value=\"test", "unbalanced quotes" },
        { "cpu,host=serverA value=\"test\"\"", "unbalanced quotes" },
        { "cpu value=\"a\\\"", "unbalanced quotes" },

        // Numbers.
        { "cpu v=- ", "invalid number" },
        { "cpu v=-i ", "invalid number" },
        { "cpu v=-. ", "invalid number" },
        { "cpu v=. ", "invalid number" },
        { "cpu v=1.0i ", "invalid number" },
        { "cpu v=1ii ", "invalid number" },
        { "cpu v=1a ", "invalid number" },
        { "cpu v=-e-e-e ", "invalid number" },
        { "cpu v=42+3 ", "invalid number" },
        { "cpu v=-123u", "invalid number" },
        { "cpu,host=serverA,region=us-west value=--1u", "invalid number" },
        { "cpu,host=serverA,region=us-west value=.1a", "invalid number" },
        { "cpu,host=serverA,region=us-west value=0.-1", "invalid number" },
        { "cpu,host=serverA,region=us-west value=-", "invalid number" },
        { "cpu,host=serverA,region=us-west value=1.1.1", "invalid number" },
        { "cpu,host=serverA,region=us-west value=9ie10", "invalid number" },
        { "cpu,host=serverA,region=us-west value=9e10i", "invalid number" },
        { "cpu v=1e", "invalid number" },
        { "cpu v=1e+", "invalid number" },
        { "cpu v=+1", "invalid number" },
        { "cpu v=1_000", "invalid number" },
        { "cpu v=0x10", "invalid number" },

        // NaN and infinity.
        { "cpu v=NaN", "invalid number: NaN is not supported" },
        { "cpu v=nan", "invalid number: NaN is not supported" },
        { "cpu v=-NaN", "invalid number: NaN is not supported" },
        { "cpu v=Inf", "invalid number: infinity is not supported" },
        { "cpu v=inf", "invalid number: infinity is not supported" },
        { "cpu v=-Inf", "invalid number: infinity is not supported" },
        { "cpu v=+Inf", "invalid number: infinity is not supported" },
        { "cpu v=Infinity", "invalid number: infinity is not supported" },
        { "cpu v=-infinity,w=1", "invalid number: infinity is not supported" },

        // Out of range.
        { "cpu,host=serverA,region=us-west value=9223372036854775808i", "unable to parse integer 9223372036854775808: value out of range" },
        { "cpu,host=serverA,region=us-west value=-9223372036854775809i", "unable to parse integer -9223372036854775809: value out of range" },
        { "cpu v=99999999999999999999999i", "unable to parse integer 99999999999999999999999: value out of range" },
        { "cpu,host=serverA,region=us-west value=18446744073709551616u", "unable to parse unsigned 18446744073709551616: value out of range" },
        { "cpu v=1e309", "invalid float: value out of range" },
        { "cpu v=-1.8e308", "invalid float: value out of range" },
        { "cpu v=1" + new string('0', 400), "invalid float: value out of range" },

        // Booleans.
        { "cpu,host=serverA,region=us-west value=a", "invalid boolean" },
        { "cpu v=tru", "invalid boolean" },
        { "cpu v=tRUE", "invalid boolean" },
        { "cpu v=FaLsE", "invalid boolean" },
        { "cpu v=truee", "invalid boolean" },
        { "cpu v=yes", "invalid boolean" },

        // Timestamps.
        { "mymeas value=9 \"1466625759000000000\"", "bad timestamp" },
        { "cpu v=1 12a", "bad timestamp" },
        { "cpu v=1 1.5", "bad timestamp" },
        { "cpu v=1 -", "bad timestamp" },
        { "cpu v=1 --1", "bad timestamp" },
        { "cpu v=1 99999999999999999999", "bad timestamp" },
        { "cpu v=1 9223372036854775808", "bad timestamp" },
        { "cpu v=1 123\t", "bad timestamp" },
        { "cpu v=1 9223372036854775807", "time outside range -9223372036854775806 - 9223372036854775806" },
        { "cpu v=1 -9223372036854775807", "time outside range -9223372036854775806 - 9223372036854775806" },
        { "cpu v=1 123 456", "point is invalid: unexpected text after the timestamp" },
        { "cpu v=1 123 x", "point is invalid: unexpected text after the timestamp" },

        // Reserved keys and duplicates.
        { "cpu,time=x v=1", "cannot use reserved tag key \"time\"" },
        { "cpu,_measurement=v0,tag0=v0 value=1", "cannot use reserved tag key \"_measurement\"" },
        { "cpu,tag0=v0,_field=v0 value=1", "cannot use reserved tag key \"_field\"" },
        { "cpu time=1", "cannot use reserved field key \"time\"" },
        { "cpu v=1,_field=2", "cannot use reserved field key \"_field\"" },
        { "cpu _measurement=\"x\"", "cannot use reserved field key \"_measurement\"" },
        { "cpu,host=serverA,host=serverB value=1i 1000000000", "duplicate tags" },
        { "cpu,b=2,b=1,c=3 value=1i 1000000000", "duplicate tags" },
        { "cpu,b=2,c=3,b=1 value=1i 1000000000", "duplicate tags" },
        { @"cpu,a\ b=1,c=2,a\ b=3 v=1", "duplicate tags" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_lines_are_reported_with_the_line_and_the_reason(string line, string reason)
    {
        // InfluxDB's reason first; the center may say more after it (the field and its value, the escape rule).
        var error = SingleError(line);
        Assert.StartsWith($"unable to parse '{line.TrimEnd('\n')}': {reason}", error);
        Assert.True(error.Length == $"unable to parse '{line.TrimEnd('\n')}': {reason}".Length || error[$"unable to parse '{line.TrimEnd('\n')}': {reason}".Length] is ':' or ';',
            $"the detail after InfluxDB's reason starts with ':' or ';': {error}");
    }

    [Theory]
    [InlineData("cpu v=1 9223372037", Precision.Seconds)]
    [InlineData("cpu v=1 -9223372037", Precision.Seconds)]
    [InlineData("cpu v=1 2562048", Precision.Hours)]
    [InlineData("cpu v=1 153722868", Precision.Minutes)]
    [InlineData("cpu v=1 9223372036854776", Precision.Milliseconds)]
    [InlineData("cpu v=1 9223372036854776", Precision.Microseconds)]
    public void Timestamps_that_overflow_after_the_precision_conversion_are_rejected(string line, Precision precision)
    {
        Assert.StartsWith(
            $"unable to parse '{line}': time outside range -9223372036854775806 - 9223372036854775806",
            SingleError(line, precision));
    }

    [Fact]
    public void Keys_longer_than_InfluxDBs_limit_are_rejected()
    {
        var measurement = new string('m', 65_536);

        Assert.EndsWith(": max key length exceeded: 65536 > 65535", SingleError(measurement + " v=1"));
        Assert.EndsWith(": max key length exceeded: 65536 > 65535", SingleError(new string('m', 65_530) + " ab=1"));
        Assert.Single(Lines.ReadAll(new string('m', 65_529) + " ab=1"), l => l.IsValid);
    }

    [Fact]
    public void The_error_quotes_the_line_without_leading_whitespace_or_line_ending()
    {
        var line = Assert.Single(Lines.ReadAll(" \t cpu v=\r\n"));

        Assert.False(line.IsValid);
        Assert.Equal(" \t cpu v=", line.Raw);
        Assert.Equal("unable to parse 'cpu v=': missing field value", line.Error);
    }

    [Fact]
    public void An_invalid_line_has_no_point()
    {
        var reader = new LineProtocolReader("cpu v=NaN"u8);
        Assert.True(reader.Read());
        Assert.False(reader.IsValid);

        try
        {
            reader.ToPoint();
            Assert.Fail("ToPoint on an invalid line must throw.");
        }
        catch (InvalidOperationException e)
        {
            Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
        }
    }
}
