using System.Globalization;
using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>The reader's float conversion (with its fast path) agrees bit for bit with .NET's correctly rounded parser.</summary>
public sealed class FloatParsingTests
{
    [Fact]
    public void Random_decimal_strings_convert_exactly()
    {
        var random = new Random(99);
        var scratch = new LineProtocolScratch();
        for (var i = 0; i < 20_000; i++)
        {
            var text = RandomDecimal(random);
            var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsFinite(expected))
            {
                continue;
            }

            var reader = new LineProtocolReader(Encoding.UTF8.GetBytes("m v=" + text), Precision.Nanoseconds, scratch);
            Assert.True(reader.Read());
            Assert.True(reader.IsValid, reader.Error);
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(reader.FieldFloat(0)),
                $"{text}: expected {expected:R}, got {reader.FieldFloat(0):R}");
        }
    }

    private static string RandomDecimal(Random random)
    {
        var sb = new StringBuilder();
        if (random.Next(2) == 0)
        {
            sb.Append('-');
        }

        var intDigits = random.Next(0, 20);
        var fracDigits = random.Next(intDigits == 0 ? 1 : 0, 20);
        for (var i = 0; i < intDigits; i++)
        {
            sb.Append((char)('0' + random.Next(10)));
        }

        if (fracDigits > 0 || random.Next(4) == 0)
        {
            sb.Append('.');
        }

        for (var i = 0; i < fracDigits; i++)
        {
            sb.Append((char)('0' + random.Next(10)));
        }

        if (random.Next(3) == 0)
        {
            sb.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "+", 1 => "-", _ => "" }).Append(random.Next(0, 40));
        }

        return sb.ToString();
    }
}
