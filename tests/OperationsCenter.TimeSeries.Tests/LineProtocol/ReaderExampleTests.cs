using OperationsCenter.TimeSeries.LineProtocol;
using static OperationsCenter.TimeSeries.Tests.LineProtocol.Lines;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>Examples from InfluxDB's line protocol reference (v1 and v2) and from InfluxDB's own parser tests.</summary>
public sealed class ReaderExampleTests
{
    [Fact]
    public void Syntax_example_with_tags_fields_and_timestamp()
    {
        var point = Single("myMeasurement,tag1=value1,tag2=value2 fieldKey=\"fieldValue\" 1556813561098000000");

        Assert.Equal(
            Point("myMeasurement", [("tag1", "value1"), ("tag2", "value2")], [("fieldKey", S("fieldValue"))], 1556813561098000000),
            point);
    }

    [Fact]
    public void Without_a_timestamp_the_timestamp_is_null()
    {
        Assert.Null(Single("weather,location=us-midwest temperature=82").Timestamp);
    }

    [Theory]
    [InlineData("mymeas value=-1.234456e+78", -1.234456e+78)]
    [InlineData("mymeas value=1.0", 1.0)]
    [InlineData("mymeas value=1", 1.0)]
    [InlineData("mymeas value=1.e+78", 1e78)]
    [InlineData("mymeas value=1.E+78", 1e78)]
    [InlineData("m v=1e4", 1e4)]
    [InlineData("m v=1E4", 1e4)]
    [InlineData("m v=1.0e-4", 1e-4)]
    [InlineData("m v=-1.0e-4", -1e-4)]
    [InlineData("m v=1E-3", 1e-3)]
    [InlineData("m v=.5", 0.5)]
    [InlineData("m v=-.5", -0.5)]
    [InlineData("m v=5.", 5.0)]
    [InlineData("m v=0.1", 0.1)]
    [InlineData("m v=1e23", 1e23)]
    [InlineData("m v=123456789012345678901234567890", 123456789012345678901234567890d)]
    [InlineData("m v=0.30000000000000004", 0.30000000000000004)]
    [InlineData("m v=5e-324", double.Epsilon)]
    [InlineData("m v=1e-400", 0.0)]
    [InlineData("m v=1.7976931348623157e308", double.MaxValue)]
    [InlineData("m v=0e999", 0.0)]
    public void Floats_parse_exactly(string line, double expected)
    {
        var value = Assert.Single(Single(line).Fields).Value;

        Assert.Equal(FieldKind.Float, value.Kind);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value.Float));
    }

    [Fact]
    public void Negative_zero_keeps_its_sign()
    {
        Assert.True(double.IsNegative(Single("m v=-0").Fields[0].Value.Float));
        Assert.True(double.IsNegative(Single("m v=-0.0e5").Fields[0].Value.Float));
    }

    [Fact]
    public void Float_with_leading_zeros_and_max_value_in_full()
    {
        var max = double.MaxValue.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(double.MaxValue, Single("m v=" + max).Fields[0].Value.Float);
        Assert.Equal(double.MaxValue, Single("m v=0000" + max).Fields[0].Value.Float);
        Assert.Equal(-double.MaxValue, Single("m v=-0000000" + max).Fields[0].Value.Float);
    }

    [Theory]
    [InlineData("mymeas value=1i", 1L)]
    [InlineData("m fieldKey=12485903i", 12485903L)]
    [InlineData("m fieldKey=-12485903i", -12485903L)]
    [InlineData("m v=9223372036854775807i", long.MaxValue)]
    [InlineData("m v=-9223372036854775808i", long.MinValue)]
    [InlineData("m v=0009223372036854775807i", long.MaxValue)]
    [InlineData("m v=-0009223372036854775808i", long.MinValue)]
    [InlineData("m v=-0i", 0L)]
    public void Integers(string line, long expected)
    {
        Assert.Equal(I(expected), Assert.Single(Single(line).Fields).Value);
    }

    [Theory]
    [InlineData("m fieldKey=1u", 1UL)]
    [InlineData("m fieldKey=12485903u", 12485903UL)]
    [InlineData("m v=18446744073709551615u", ulong.MaxValue)]
    [InlineData("m v=00018446744073709551615u", ulong.MaxValue)]
    [InlineData("m v=0u", 0UL)]
    [InlineData("m v=0000u", 0UL)]
    public void Unsigned_integers(string line, ulong expected)
    {
        Assert.Equal(U(expected), Assert.Single(Single(line).Fields).Value);
    }

    [Theory]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    public void Every_boolean_spelling(string spelling, bool expected)
    {
        Assert.Equal(B(expected), Single($"m v={spelling},w=1").Fields[0].Value);
        Assert.Equal(B(expected), Single($"m v={spelling} 5").Fields[0].Value);
    }

    [Fact]
    public void Quoted_booleans_are_strings()
    {
        Assert.Equal(S("true"), Single("mymeas value=\"true\"").Fields[0].Value);
    }

    [Fact]
    public void Strings_may_hold_spaces_commas_equals_and_escaped_quotes()
    {
        var point = Single("cpu,host=serverA,region=us-east value=1.0,str=\"foo \\\" bar\",s2=\"a,b=c d\",empty=\"\" 1000000000");

        Assert.Equal(
            [new("value", F(1)), new("str", S("foo \" bar")), new("s2", S("a,b=c d")), new("empty", S(""))],
            point.Fields);
        Assert.Equal(1000000000, point.Timestamp);
    }

    [Fact]
    public void Special_characters_example_from_the_v1_reference()
    {
        var point = Single("\"measurement\\ with\\ quo⚡️es\\ and\\ emoji\",tag\\ key\\ with\\ sp🚀ces=tag\\,value\\,with\"commas\" field_k\\ey=\"string field value, only \\\" need be esc🍭ped\"");

        Assert.Equal(
            Point(
                "\"measurement with quo⚡️es and emoji\"",
                [("tag key with sp🚀ces", "tag,value,with\"commas\"")],
                [("field_k\\ey", S("string field value, only \" need be esc🍭ped"))]),
            point);
    }

    [Fact]
    public void Special_characters_examples_from_the_v2_reference()
    {
        Assert.Equal("my Measurement", Single("my\\ Measurement fieldKey=\"string value\"").Measurement);
        Assert.Equal(S("\"string\" within a string"), Single("myMeasurement fieldKey=\"\\\"string\\\" within a string\"").Fields[0].Value);
        Assert.Equal(
            Point("myMeasurement", [("tag Key1", "tag Value1"), ("tag Key2", "tag Value2")], [("fieldKey", F(100))]),
            Single("myMeasurement,tag\\ Key1=tag\\ Value1,tag\\ Key2=tag\\ Value2 fieldKey=100"));
        Assert.Equal(
            Point("myMeasurement", [("tagKey", "🍭")], [("fieldKey", S("Launch 🚀"))], 1556813561098000000),
            Single("myMeasurement,tagKey=🍭 fieldKey=\"Launch 🚀\" 1556813561098000000"));
    }

    [Theory]
    [InlineData(@"x\y", @"x\y")]
    [InlineData(@"x\\y", @"x\y")]
    [InlineData(@"x\\\y", @"x\\y")]
    [InlineData(@"x\\\\y", @"x\\y")]
    [InlineData(@"x\\\\\y", @"x\\\y")]
    [InlineData(@"x\\\\\\y", @"x\\\y")]
    [InlineData(@"\\", @"\")]
    [InlineData(@"a\""b", @"a""b")]
    [InlineData(@"tab\tstays", @"tab\tstays")]
    public void Backslashes_in_string_values_follow_the_reference_table(string sent, string expected)
    {
        Assert.Equal(S(expected), Single($"m f=\"{sent}\"").Fields[0].Value);
    }

    [Theory]
    [InlineData(@"foo\,bar value=1i", "foo,bar")]
    [InlineData(@"cpu\,main,regions=east value=1.0", "cpu,main")]
    [InlineData(@"cpu\ load,region=east value=1.0", "cpu load")]
    [InlineData(@"cpu\=load,region=east value=1.0", @"cpu\=load")]
    [InlineData(@"cpu=load,region=east value=1.0", "cpu=load")]
    [InlineData(@"cpu\\,x=y v=1", @"cpu\,x=y")]
    [InlineData(@"\ cpu v=1", " cpu")]
    [InlineData(@"c\pu v=1", @"c\pu")]
    public void Measurement_escapes(string line, string measurement)
    {
        Assert.Equal(measurement, Single(line).Measurement);
    }

    [Theory]
    [InlineData(@"cpu,region\,zone=east value=1.0", "region,zone", "east")]
    [InlineData(@"cpu,region\ zone=east value=1.0", "region zone", "east")]
    [InlineData(@"cpu,reg\\=ion=east value=1.0", @"reg\=ion", "east")]
    [InlineData(@"cpu,\ =east value=1.0", " ", "east")]
    [InlineData(@"cpu,regions=east\,west value=1.0", "regions", "east,west")]
    [InlineData(@"cpu,regions=\\ east value=1.0", "regions", @"\ east")]
    [InlineData(@"cpu,regions=eas\\ t value=1.0", "regions", @"eas\ t")]
    [InlineData(@"cpu,regions=east\\  value=1.0", "regions", @"east\ ")]
    [InlineData(@"cpu,regions=east\ west value=1.0", "regions", "east west")]
    [InlineData(@"cpu,regions=eas\t value=1.0", "regions", @"eas\t")]
    [InlineData(@"cpu,regions=\\,\,\=east value=1.0", "regions", @"\,,=east")]
    [InlineData(@"cpu,equals\=foo=tag\=value value=1i", "equals=foo", "tag=value")]
    [InlineData(@"cpu,tag0=1\""\"",t=k value=1", "tag0", @"1\""\""")]
    [InlineData("cpu,host==x value=1", "host", "=x")]
    public void Tag_escapes(string line, string key, string value)
    {
        var tag = Single(line).Tags.First(t => t.Key != "t");

        Assert.Equal(key, tag.Key);
        Assert.Equal(value, tag.Value);
    }

    [Theory]
    [InlineData(@"cpu,regions=east value\,ms=1.0", "value,ms")]
    [InlineData(@"cpu,regions=east value\ ms=1.0", "value ms")]
    [InlineData(@"cpu value\=x=1.0", "value=x")]
    [InlineData(@"cpu \a=1i", @"\a")]
    [InlineData(@"cpu,host=serverA,region=us-west a\ =123i", "a ")]
    [InlineData(@"cpu ""quoted""=1", @"""quoted""")]
    public void Field_key_escapes(string line, string key)
    {
        Assert.Equal(key, Single(line).Fields[0].Key);
    }

    [Theory]
    [InlineData("cpu    value=1.0 1257894000000000000")]
    [InlineData("cpu value=1.0     1257894000000000000")]
    [InlineData("cpu      value=1.0     1257894000000000000")]
    [InlineData("cpu value=1.0 1257894000000000000   ")]
    [InlineData("cpu value=1.0 1257894000000000000\n")]
    [InlineData("cpu   value=1.0 1257894000000000000\n")]
    [InlineData("cpu value=1.0 1257894000000000000\r\n")]
    [InlineData("  \tcpu value=1.0 1257894000000000000")]
    [InlineData("cpu value=1.0 \t1257894000000000000")]
    public void Whitespace_between_sections(string line)
    {
        Assert.Equal(Point("cpu", [], [("value", F(1))], 1257894000000000000), Single(line));
    }

    [Theory]
    [InlineData(Precision.Nanoseconds, 1L)]
    [InlineData(Precision.Microseconds, 1_000L)]
    [InlineData(Precision.Milliseconds, 1_000_000L)]
    [InlineData(Precision.Seconds, 1_000_000_000L)]
    [InlineData(Precision.Minutes, 60_000_000_000L)]
    [InlineData(Precision.Hours, 3_600_000_000_000L)]
    public void Timestamps_are_converted_from_each_precision(Precision precision, long nanosPerUnit)
    {
        Assert.Equal(nanosPerUnit, Single("cpu v=1 1", precision).Timestamp);
        Assert.Equal(-3 * nanosPerUnit, Single("cpu v=1 -3", precision).Timestamp);
        Assert.Equal(400_000L * nanosPerUnit, Single("cpu v=1 400000", precision).Timestamp);
    }

    [Fact]
    public void Timestamp_limits_are_InfluxDBs()
    {
        Assert.Equal(9223372036854775806, Single("cpu v=1 9223372036854775806").Timestamp);
        Assert.Equal(-9223372036854775806, Single("cpu v=1 -9223372036854775806").Timestamp);
        Assert.Equal(2562047L * 3_600_000_000_000L, Single("cpu v=1 2562047", Precision.Hours).Timestamp);
    }

    [Fact]
    public void Repeated_field_keys_are_all_read_but_the_point_keeps_the_last()
    {
        var reader = new LineProtocolReader("cpu a=1,b=2,a=3i"u8);
        Assert.True(reader.Read());
        Assert.True(reader.IsValid);
        Assert.Equal(3, reader.FieldCount);
        Assert.Equal(FieldKind.Float, reader.FieldKindAt(0));
        Assert.Equal(FieldKind.Integer, reader.FieldKindAt(2));

        Assert.Equal([new("b", F(2)), new("a", I(3))], reader.ToPoint().Fields);
    }

    [Fact]
    public void Tags_keep_their_order_on_the_reader_and_are_sorted_in_the_point()
    {
        var reader = new LineProtocolReader("cpu,zone=1,host=a,Host=b v=1"u8);
        Assert.True(reader.Read());
        Assert.Equal("zone"u8.ToArray(), reader.TagKey(0).ToArray());
        Assert.Equal("host"u8.ToArray(), reader.TagKey(1).ToArray());

        Assert.Equal(["Host", "host", "zone"], reader.ToPoint().Tags.Select(t => t.Key));
    }

    [Fact]
    public void Typed_accessors_read_each_kind()
    {
        var reader = new LineProtocolReader("m f=1.5,i=-2i,u=3u,b=t,s=\"x\\\"y\" 7"u8, Precision.Seconds);
        Assert.True(reader.Read());

        Assert.Equal("m"u8.ToArray(), reader.Measurement.ToArray());
        Assert.Equal(1.5, reader.FieldFloat(0));
        Assert.Equal(-2, reader.FieldInteger(1));
        Assert.Equal(3UL, reader.FieldUInteger(2));
        Assert.True(reader.FieldBoolean(3));
        Assert.Equal("x\"y"u8.ToArray(), reader.FieldString(4).ToArray());
        Assert.Equal(7_000_000_000, reader.Timestamp);

        Assert.True(reader.TryGetFieldNumber(0, out var f) && f == 1.5);
        Assert.True(reader.TryGetFieldNumber(1, out var i) && i == -2);
        Assert.True(reader.TryGetFieldNumber(2, out var u) && u == 3);
        Assert.True(reader.TryGetFieldNumber(3, out var b) && b == 1);
        Assert.False(reader.TryGetFieldNumber(4, out _));

        // Asking for the wrong kind gives the kind's default rather than reinterpreting bits.
        Assert.Equal(0, reader.FieldInteger(0));
        Assert.True(reader.FieldString(0).IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineProtocolReader("m v=1"u8).FieldFloat(0));
    }

    [Fact]
    public void Measurement_is_a_slice_of_the_body_when_nothing_is_escaped()
    {
        var body = "cpu\\ 1,k=v v=1"u8.ToArray();
        var reader = new LineProtocolReader(body);
        Assert.True(reader.Read());

        Assert.Equal("cpu 1"u8.ToArray(), reader.Measurement.ToArray());
        Assert.Equal("k"u8.ToArray(), reader.TagKey(0).ToArray());
        Assert.True(System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(reader.TagKey(0)), ref body[7]));
    }
}
