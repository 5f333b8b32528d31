namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>One parsed field of the current line.</summary>
internal struct FieldSlot
{
    /// <summary>The unescaped key.</summary>
    public TokenRef Key;

    /// <summary>The raw (escaped) length of the key, for InfluxDB's series key length limit.</summary>
    public int RawKeyLength;

    /// <summary>The value's type.</summary>
    public FieldKind Kind;

    /// <summary>The value for non-string kinds: double bits, long bits, ulong, or 0/1 (as <see cref="FieldValue"/>).</summary>
    public ulong Bits;

    /// <summary>The unescaped string value when <see cref="Kind"/> is <see cref="FieldKind.String"/>.</summary>
    public TokenRef Text;
}
