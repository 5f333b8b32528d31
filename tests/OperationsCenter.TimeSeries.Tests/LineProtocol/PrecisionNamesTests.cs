using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

public sealed class PrecisionNamesTests
{
    [Theory]
    [InlineData(null, Precision.Nanoseconds)]
    [InlineData("", Precision.Nanoseconds)]
    [InlineData("n", Precision.Nanoseconds)]
    [InlineData("ns", Precision.Nanoseconds)]
    [InlineData("u", Precision.Microseconds)]
    [InlineData("us", Precision.Microseconds)]
    [InlineData("\u00B5", Precision.Microseconds)]
    [InlineData("\u03BC", Precision.Microseconds)]
    [InlineData("ms", Precision.Milliseconds)]
    [InlineData("s", Precision.Seconds)]
    [InlineData("m", Precision.Minutes)]
    [InlineData("h", Precision.Hours)]
    public void V1_names(string? text, Precision expected)
    {
        Assert.True(PrecisionNames.TryParseV1(text, out var precision));
        Assert.Equal(expected, precision);
    }

    [Theory]
    [InlineData(null, Precision.Nanoseconds)]
    [InlineData("", Precision.Nanoseconds)]
    [InlineData("ns", Precision.Nanoseconds)]
    [InlineData("us", Precision.Microseconds)]
    [InlineData("ms", Precision.Milliseconds)]
    [InlineData("s", Precision.Seconds)]
    public void V2_names(string? text, Precision expected)
    {
        Assert.True(PrecisionNames.TryParseV2(text, out var precision));
        Assert.Equal(expected, precision);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("NS")]
    [InlineData("sec")]
    [InlineData(" s")]
    public void Unknown_names_fail_in_both(string text)
    {
        Assert.False(PrecisionNames.TryParseV1(text, out _));
        Assert.False(PrecisionNames.TryParseV2(text, out _));
    }

    [Theory]
    [InlineData("n")]
    [InlineData("u")]
    [InlineData("\u00B5")]
    [InlineData("m")]
    [InlineData("h")]
    public void V2_accepts_only_its_four_names(string text)
    {
        Assert.False(PrecisionNames.TryParseV2(text, out _));
    }
}
