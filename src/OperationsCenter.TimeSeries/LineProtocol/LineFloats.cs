using System.Globalization;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Parses float field values from UTF-8: validates the grammar InfluxDB accepts (<c>-1.5</c>, <c>.5</c>, <c>1.</c>,
/// <c>1e10</c>, <c>1.E+78</c>; no <c>+</c> sign, NaN or infinity) and converts exactly (correctly rounded).
/// </summary>
internal static class LineFloats
{
    // 10^0..10^22 are exact doubles: a mantissa below 2^53 multiplied or divided by one of them rounds once,
    // so the result is the correctly rounded value (Clinger's fast path) without calling the general parser.
    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    private const ulong MaxExactMantissa = 1UL << 53;
    private const ulong MantissaDigitLimit = 1_000_000_000_000_000_000UL;

    /// <summary>Parses a float token.</summary>
    /// <returns>Null on success (with the double's bits), otherwise the reason the token is invalid.</returns>
    public static string? Parse(ReadOnlySpan<byte> token, out ulong bits)
    {
        bits = 0;
        var i = 0;
        var negative = token[0] == (byte)'-';
        if (negative)
        {
            i = 1;
        }

        ulong mantissa = 0;
        var anyDigit = false;
        var dot = false;
        var exact = true;
        var fractionDigits = 0;
        for (; i < token.Length; i++)
        {
            var c = token[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                anyDigit = true;
                if (mantissa < MantissaDigitLimit)
                {
                    mantissa = (mantissa * 10) + d;
                    if (dot)
                    {
                        fractionDigits++;
                    }
                }
                else
                {
                    exact = false;
                }

                continue;
            }

            if (c == (byte)'.')
            {
                if (dot)
                {
                    return LineErrors.InvalidNumber;
                }

                dot = true;
                continue;
            }

            break;
        }

        if (!anyDigit)
        {
            return LineErrors.InvalidNumber;
        }

        var exponent = 0;
        if (i < token.Length)
        {
            if (token[i] != (byte)'e' && token[i] != (byte)'E')
            {
                return LineErrors.InvalidNumber;
            }

            i++;
            var negativeExponent = false;
            if (i < token.Length && (token[i] == (byte)'+' || token[i] == (byte)'-'))
            {
                negativeExponent = token[i] == (byte)'-';
                i++;
            }

            if (i >= token.Length)
            {
                return LineErrors.InvalidNumber;
            }

            for (; i < token.Length; i++)
            {
                var d = (uint)(token[i] - '0');
                if (d > 9)
                {
                    return LineErrors.InvalidNumber;
                }

                // Saturate: anything this large over- or underflows regardless of the mantissa.
                if (exponent < 100_000)
                {
                    exponent = (exponent * 10) + (int)d;
                }
            }

            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }

        double value;
        var scale = exponent - fractionDigits;
        if (exact && mantissa == 0)
        {
            value = 0d;
        }
        else if (exact && mantissa <= MaxExactMantissa && scale is >= -22 and <= 22)
        {
            value = scale < 0 ? mantissa / ExactPowersOfTen[-scale] : mantissa * ExactPowersOfTen[scale];
        }
        else
        {
            // The grammar was validated above, so this only does the (correctly rounded) conversion.
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return LineErrors.InvalidNumber;
            }

            if (!double.IsFinite(value))
            {
                return LineErrors.FloatOutOfRange;
            }

            bits = BitConverter.DoubleToUInt64Bits(value);
            return null;
        }

        bits = BitConverter.DoubleToUInt64Bits(negative ? -value : value);
        return null;
    }
}
