using System.Text;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>Rewriting <c>123u</c> as <c>123i</c> for InfluxDB 1.x, and nothing else.</summary>
public sealed class UnsignedFieldsTests
{
    [Theory]
    [InlineData("m v=42u 1\n", "m v=42i 1\n")]
    [InlineData("m a=1u,b=2.5,c=3u\n", "m a=1i,b=2.5,c=3i\n")]
    [InlineData("m v=9223372036854775807u 1\n", "m v=9223372036854775807i 1\n")]
    [InlineData("m v=0u", "m v=0i")]
    [InlineData("m,t=1u v=1u 1\nn w=2u\n", "m,t=1u v=1i 1\nn w=2i\n")]
    public void Rewrites_unsigned_values_that_fit_a_long(string body, string expected)
    {
        Assert.Equal(expected, Rewrite(body));
    }

    [Theory]
    [InlineData("m v=9223372036854775808u 1\n")]
    [InlineData("m v=18446744073709551615u 1\n")]
    [InlineData("m s=\"1u\" 1\n")]
    [InlineData("m s=\"x\\\"1u,y=2u \" 1\n")]
    [InlineData("m s=\"multi\n2u\" 1\n")]
    [InlineData("m1u,t=2u v=1i 2\n")]
    [InlineData("m\\ 1u v=1 1\n")]
    [InlineData("m t\\=1u=1 1\n")]
    [InlineData("# m v=1u\n")]
    [InlineData("m v=1.5 1\n")]
    [InlineData("menu v=true 1\n")]
    public void Leaves_everything_else_alone(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var result = UnsignedFields.AsSignedIntegers(bytes);

        Assert.Equal(body, Encoding.UTF8.GetString(result.Span));
    }

    [Fact]
    public void Returns_the_same_memory_when_nothing_changes()
    {
        var bytes = Encoding.UTF8.GetBytes("m v=1i,s=\"2u\" 1\n");
        var memory = new ReadOnlyMemory<byte>(bytes);

        Assert.True(UnsignedFields.AsSignedIntegers(memory).Span == memory.Span);
    }

    [Fact]
    public void Leaves_the_callers_buffer_untouched_when_rewriting()
    {
        var bytes = Encoding.UTF8.GetBytes("m v=1u 1\n");

        Rewrite(bytes);

        Assert.Equal("m v=1u 1\n", Encoding.UTF8.GetString(bytes));
    }

    private static string Rewrite(string body) => Rewrite(Encoding.UTF8.GetBytes(body));

    private static string Rewrite(byte[] body) => Encoding.UTF8.GetString(UnsignedFields.AsSignedIntegers(body).Span);
}
