using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

public sealed class FieldValueTests
{
    [Fact]
    public void Equality_is_kind_and_value()
    {
        Assert.Equal(FieldValue.FromFloat(1), FieldValue.FromFloat(1));
        Assert.NotEqual(FieldValue.FromFloat(1), FieldValue.FromInteger(1));
        Assert.NotEqual(FieldValue.FromInteger(1), FieldValue.FromUInteger(1));
        Assert.NotEqual(FieldValue.FromBoolean(true), FieldValue.FromInteger(1));
        Assert.Equal(FieldValue.FromString("a"), FieldValue.FromString(new string('a', 1)));
        Assert.NotEqual(FieldValue.FromString("a"), FieldValue.FromString("b"));
        Assert.NotEqual(FieldValue.FromFloat(0.0), FieldValue.FromFloat(-0.0));
        Assert.Equal(FieldValue.FromFloat(double.NaN), FieldValue.FromFloat(double.NaN));
        Assert.Equal(FieldValue.FromInteger(-5).GetHashCode(), FieldValue.FromInteger(-5).GetHashCode());
    }

    [Fact]
    public void Accessors_return_the_value_for_their_kind_only()
    {
        var value = FieldValue.FromInteger(-7);

        Assert.Equal(FieldKind.Integer, value.Kind);
        Assert.Equal(-7, value.Integer);
        Assert.Equal(0, value.Float);
        Assert.Equal(0UL, value.UInteger);
        Assert.False(value.Boolean);
        Assert.Null(value.String);
        Assert.Equal(ulong.MaxValue, FieldValue.FromUInteger(ulong.MaxValue).UInteger);
        Assert.True(FieldValue.FromBoolean(true).Boolean);
        Assert.Equal("x", FieldValue.FromString("x").String);
    }

    [Fact]
    public void TryGetNumber_converts_numbers_and_booleans()
    {
        Assert.True(FieldValue.FromFloat(2.5).TryGetNumber(out var f) && f == 2.5);
        Assert.True(FieldValue.FromInteger(-3).TryGetNumber(out var i) && i == -3);
        Assert.True(FieldValue.FromUInteger(4).TryGetNumber(out var u) && u == 4);
        Assert.True(FieldValue.FromBoolean(true).TryGetNumber(out var t) && t == 1);
        Assert.True(FieldValue.FromBoolean(false).TryGetNumber(out var n) && n == 0);
        Assert.False(FieldValue.FromString("1").TryGetNumber(out var s));
        Assert.Equal(0, s);
    }

    [Fact]
    public void ToString_looks_like_line_protocol()
    {
        Assert.Equal("1.5", FieldValue.FromFloat(1.5).ToString());
        Assert.Equal("-1i", FieldValue.FromInteger(-1).ToString());
        Assert.Equal("1u", FieldValue.FromUInteger(1).ToString());
        Assert.Equal("true", FieldValue.FromBoolean(true).ToString());
        Assert.Equal("\"a\\\"b\"", FieldValue.FromString("a\"b").ToString());
    }

    [Fact]
    public void Strings_must_not_be_null()
    {
        Assert.Throws<ArgumentNullException>(() => FieldValue.FromString(null!));
    }
}
