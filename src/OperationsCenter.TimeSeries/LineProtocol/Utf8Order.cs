namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Orders .NET strings as their UTF-8 bytes would be ordered (Unicode code point order), which is how InfluxDB
/// (Go's <c>bytes.Compare</c>) sorts tag keys. Plain ordinal string comparison differs for characters above
/// U+FFFF, whose UTF-16 surrogates sort below U+E000..U+FFFF.
/// </summary>
internal static class Utf8Order
{
    /// <summary>A comparer for sorting.</summary>
    public static readonly IComparer<string> Comparer = Comparer<string>.Create(Compare);

    /// <summary>Compares two strings by code point.</summary>
    /// <returns>Negative, zero or positive, as <see cref="string.CompareOrdinal(string, string)"/>.</returns>
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length)
        {
            return a.Length - b.Length;
        }

        int x = a[i];
        int y = b[i];
        if (x >= 0xD800 && y >= 0xD800)
        {
            // Move surrogates (D800-DFFF) above E000-FFFF: the usual UTF-16 to code point order fix-up.
            x = x >= 0xE000 ? x - 0x800 : x + 0x2000;
            y = y >= 0xE000 ? y - 0x800 : y + 0x2000;
        }

        return x - y;
    }
}
