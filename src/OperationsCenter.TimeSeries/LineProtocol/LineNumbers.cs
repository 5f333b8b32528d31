using System.Text;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Parses numeric field values and timestamps straight from UTF-8, validating the grammar InfluxDB accepts.
/// </summary>
internal static class LineNumbers
{
    /// <summary>
    /// Parses a numeric token (<c>12i</c>, <c>12u</c>, <c>-1.5e3</c>). The token starts with a digit,
    /// <c>-</c>, <c>+</c> or <c>.</c>.
    /// </summary>
    /// <returns>Null on success, otherwise the reason the token is invalid.</returns>
    public static string? ParseNumber(ReadOnlySpan<byte> token, out FieldKind kind, out ulong bits)
    {
        var last = token[^1];
        if (last == (byte)'i')
        {
            kind = FieldKind.Integer;
            return ParseInteger(token[..^1], out bits);
        }

        if (last == (byte)'u')
        {
            kind = FieldKind.UInteger;
            return ParseUnsigned(token[..^1], out bits);
        }

        kind = FieldKind.Float;
        return LineFloats.Parse(token, out bits);
    }

    /// <summary>
    /// Recognises NaN and infinity spellings (any case, optional sign) so they get a clear error instead of
    /// InfluxDB's "invalid number"/"invalid boolean".
    /// </summary>
    /// <returns>The reason to reject the token, or null when it is not NaN or infinity.</returns>
    public static string? NonFiniteReason(ReadOnlySpan<byte> token)
    {
        if (token.Length > 0 && (token[0] == (byte)'-' || token[0] == (byte)'+'))
        {
            token = token[1..];
        }

        if (Ascii.EqualsIgnoreCase(token, "nan"u8))
        {
            return LineErrors.NaN;
        }

        if (Ascii.EqualsIgnoreCase(token, "inf"u8) || Ascii.EqualsIgnoreCase(token, "infinity"u8))
        {
            return LineErrors.Infinity;
        }

        return null;
    }

    /// <summary>
    /// Accumulates decimal digits into <paramref name="value"/>.
    /// </summary>
    /// <returns>False when a byte is not a digit, there are no digits, or the value exceeds <see cref="ulong.MaxValue"/> (<paramref name="overflow"/> set).</returns>
    public static bool TryParseDigits(ReadOnlySpan<byte> digits, out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }

            // 1844674407370955161 * 10 + 5 == ulong.MaxValue.
            if (value >= 1844674407370955161UL && (value > 1844674407370955161UL || d > 5))
            {
                overflow = true;
            }

            value = unchecked((value * 10) + d);
        }

        return !overflow;
    }

    /// <summary>Converts a sign and magnitude to an int64, failing when it does not fit.</summary>
    public static bool TryToInt64(bool negative, ulong magnitude, out long value)
    {
        if (negative)
        {
            if (magnitude > 1UL << 63)
            {
                value = 0;
                return false;
            }

            value = unchecked((long)(0UL - magnitude));
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            value = 0;
            return false;
        }

        value = (long)magnitude;
        return true;
    }

    private static string? ParseInteger(ReadOnlySpan<byte> body, out ulong bits)
    {
        bits = 0;
        var negative = body.Length > 0 && body[0] == (byte)'-';
        var digits = negative ? body[1..] : body;
        if (!TryParseDigits(digits, out var magnitude, out var overflow))
        {
            return overflow ? LineErrors.IntegerOutOfRange(body) : LineErrors.InvalidNumber;
        }

        if (!TryToInt64(negative, magnitude, out var value))
        {
            return LineErrors.IntegerOutOfRange(body);
        }

        bits = unchecked((ulong)value);
        return null;
    }

    private static string? ParseUnsigned(ReadOnlySpan<byte> body, out ulong bits)
    {
        // A sign is never valid for unsigned values (InfluxDB rejects "-1u" as an invalid number).
        if (!TryParseDigits(body, out bits, out var overflow))
        {
            return overflow ? LineErrors.UnsignedOutOfRange(body) : LineErrors.InvalidNumber;
        }

        return null;
    }
}
