using System.Buffers;
using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;
using static OperationsCenter.TimeSeries.Tests.LineProtocol.Lines;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>Canonical output of <see cref="LineProtocolWriter"/>.</summary>
public sealed class WriterTests
{
    [Fact]
    public void Writes_tags_sorted_fields_in_order_and_the_timestamp()
    {
        var point = Point("cpu", [("region", "us-west"), ("host", "a")], [("z", F(1.5)), ("a", I(-2)), ("m", U(3)), ("b", B(false)), ("s", S("hi"))], 1556813561098000000);

        Assert.Equal("cpu,host=a,region=us-west z=1.5,a=-2i,m=3u,b=false,s=\"hi\" 1556813561098000000", LineProtocolWriter.ToLine(point));
    }

    [Fact]
    public void Write_ends_each_line_with_a_newline_and_omits_a_missing_timestamp()
    {
        var output = new ArrayBufferWriter<byte>();
        LineProtocolWriter.Write(output, Point("a", [], [("v", B(true))]));
        LineProtocolWriter.Write(output, Point("b", [], [("v", I(1))], 0));

        Assert.Equal("a v=true\nb v=1i 0\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Escapes_each_kind_of_name_as_InfluxDB_requires()
    {
        var point = Point(
            "my meas,x=y",
            [("tag key=,", "tag value=, \"q\"")],
            [("field key=, \"q\"", S("say \"hi\" \\o/, a=b"))]);

        Assert.Equal(
            @"my\ meas\,x=y,tag\ key\=\,=tag\ value\=\,\ ""q"" field\ key\=\,\ ""q""=""say \""hi\"" \\o/, a=b""",
            LineProtocolWriter.ToLine(point));
    }

    [Fact]
    public void Backslashes_in_names_are_written_as_they_are()
    {
        // InfluxDB does not unescape "\\" in names, so a literal backslash needs no escaping unless it precedes
        // a special character, which gets its own escape.
        var point = Point(@"c\pu", [(@"a\b", @"x\,y")], [(@"f\", F(1)), ("g", F(2))]);

        var error = Assert.Throws<ArgumentException>(() => LineProtocolWriter.ToLine(point));
        Assert.Contains("backslash", error.Message, StringComparison.Ordinal);

        var fine = Point(@"c\pu", [(@"a\b", @"x\,y")], [(@"f\g", F(1))]);
        Assert.Equal(@"c\pu,a\b=x\\,y f\g=1", LineProtocolWriter.ToLine(fine));
        Assert.Equal(fine, Single(LineProtocolWriter.ToLine(fine)));
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(100.0, "100")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1E+21")]
    [InlineData(1.5e-5, "1.5E-05")]
    [InlineData(-0.0, "-0")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(double.Epsilon, "5E-324")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    public void Floats_use_the_shortest_round_trip_form(double value, string expected)
    {
        var line = LineProtocolWriter.ToLine(Point("m", [], [("v", F(value))]));

        Assert.Equal("m v=" + expected, line);
        Assert.Equal(F(value), Single(line).Fields[0].Value);
    }

    [Fact]
    public void Integer_extremes()
    {
        Assert.Equal(
            "m a=-9223372036854775808i,b=9223372036854775807i,c=18446744073709551615u,d=0u",
            LineProtocolWriter.ToLine(Point("m", [], [("a", I(long.MinValue)), ("b", I(long.MaxValue)), ("c", U(ulong.MaxValue)), ("d", U(0))])));
    }

    [Fact]
    public void Strings_keep_line_breaks_and_read_back()
    {
        var point = Point("m", [], [("s", S("a\nb\r\nc\\")), ("t", S(""))], 1);
        var line = LineProtocolWriter.ToLine(point);

        Assert.Equal("m s=\"a\nb\r\nc\\\\\",t=\"\" 1", line);
        Assert.Equal(point, Single(line));
    }

    [Fact]
    public void Tags_with_empty_values_are_left_out_as_InfluxDB_does()
    {
        Assert.Equal("m,b=1 v=1", LineProtocolWriter.ToLine(Point("m", [("a", ""), ("b", "1")], [("v", F(1))])));
    }

    [Fact]
    public void Tags_sort_by_UTF8_bytes_not_UTF16_code_units()
    {
        // U+FFFD is EF BF BD in UTF-8 and sorts before U+1F600 (F0 9F 98 80), although its UTF-16 code unit is larger.
        var line = LineProtocolWriter.ToLine(Point("m", [("😀", "1"), ("\uFFFD", "2"), ("é", "3"), ("z", "4"), ("Z", "5")], [("v", F(1))]));

        Assert.Equal("m,Z=5,z=4,é=3,\uFFFD=2,😀=1 v=1", line);
    }

    public static TheoryData<string, LinePoint> Unwritable => new()
    {
        { "no fields", Point("m", [], []) },
        { "empty measurement", Point("", [], [("v", F(1))]) },
        { "measurement ending in a backslash", Point(@"m\", [], [("v", F(1))]) },
        { "comment-like measurement", Point("#m", [], [("v", F(1))]) },
        { "tab-led measurement", Point("\tm", [], [("v", F(1))]) },
        { "line break in a tag value", Point("m", [("k", "a\nb")], [("v", F(1))]) },
        { "tag key ending in a backslash", Point("m", [(@"k\", "v")], [("v", F(1))]) },
        { "empty tag key", Point("m", [("", "v")], [("v", F(1))]) },
        { "empty field key", Point("m", [], [("", F(1))]) },
        { "tab-led first field key", Point("m", [], [("\tv", F(1))]) },
        { "reserved tag key", Point("m", [("time", "x")], [("v", F(1))]) },
        { "reserved field key", Point("m", [], [("_field", F(1))]) },
        { "duplicate tag key", Point("m", [("k", "1"), ("k", "2")], [("v", F(1))]) },
        { "duplicate field key", Point("m", [], [("v", F(1)), ("v", F(2))]) },
        { "NaN", Point("m", [], [("v", F(double.NaN))]) },
        { "infinity", Point("m", [], [("v", F(double.NegativeInfinity))]) },
        { "lone surrogate", Point("m", [], [("v", S("\uD800"))]) },
        { "key too long", Point(new string('m', 65_530), [], [("ab", F(1))]) },
    };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void Points_line_protocol_cannot_represent_are_refused(string why, LinePoint point)
    {
        Assert.False(string.IsNullOrEmpty(why));
        Assert.ThrowsAny<ArgumentException>(() => LineProtocolWriter.ToLine(point));
    }

    [Fact]
    public void Escape_primitives()
    {
        var output = new ArrayBufferWriter<byte>();
        LineProtocolWriter.WriteEscapedMeasurement(output, "a b,c=d"u8);
        output.Write("|"u8);
        LineProtocolWriter.WriteEscapedKey(output, "a b,c=d"u8);

        Assert.Equal(@"a\ b\,c=d|a\ b\,c\=d", Encoding.UTF8.GetString(output.WrittenSpan));
    }
}
