using System.Globalization;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// An immutable line protocol field value. Equality compares the kind and the value; floats compare by their bits,
/// so <c>0.0</c> and <c>-0.0</c> differ and a value always equals itself.
/// </summary>
public readonly record struct FieldValue
{
    // One 64-bit payload for every non-string kind keeps the struct small and makes the synthesized equality
    // "kind + value" with floats compared by bits, which is what round-trip tests need.
    private readonly ulong _bits;
    private readonly string? _string;

    private FieldValue(FieldKind kind, ulong bits, string? text)
    {
        Kind = kind;
        _bits = bits;
        _string = text;
    }

    /// <summary>The type of the value.</summary>
    public FieldKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="FieldKind.Float"/>; otherwise 0.</summary>
    public double Float => Kind == FieldKind.Float ? BitConverter.UInt64BitsToDouble(_bits) : 0d;

    /// <summary>The value when <see cref="Kind"/> is <see cref="FieldKind.Integer"/>; otherwise 0.</summary>
    public long Integer => Kind == FieldKind.Integer ? unchecked((long)_bits) : 0L;

    /// <summary>The value when <see cref="Kind"/> is <see cref="FieldKind.UInteger"/>; otherwise 0.</summary>
    public ulong UInteger => Kind == FieldKind.UInteger ? _bits : 0UL;

    /// <summary>The value when <see cref="Kind"/> is <see cref="FieldKind.Boolean"/>; otherwise false.</summary>
    public bool Boolean => Kind == FieldKind.Boolean && _bits != 0;

    /// <summary>The value when <see cref="Kind"/> is <see cref="FieldKind.String"/>; otherwise null.</summary>
    public string? String => _string;

    /// <summary>Creates a float value.</summary>
    /// <param name="v">The value. NaN and infinities can be held but cannot be written as line protocol.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromFloat(double v) => new(FieldKind.Float, BitConverter.DoubleToUInt64Bits(v), null);

    /// <summary>Creates a signed integer value.</summary>
    /// <param name="v">The value.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromInteger(long v) => new(FieldKind.Integer, unchecked((ulong)v), null);

    /// <summary>Creates an unsigned integer value.</summary>
    /// <param name="v">The value.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromUInteger(ulong v) => new(FieldKind.UInteger, v, null);

    /// <summary>Creates a boolean value.</summary>
    /// <param name="v">The value.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromBoolean(bool v) => new(FieldKind.Boolean, v ? 1UL : 0UL, null);

    /// <summary>Creates a string value.</summary>
    /// <param name="v">The value; must not be null.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromString(string v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(FieldKind.String, 0UL, v);
    }

    /// <summary>
    /// Gets the value as a number: floats, integers and unsigned integers as themselves (integers beyond 2^53 lose
    /// precision), booleans as 1 or 0. Strings have no numeric value.
    /// </summary>
    /// <param name="value">The numeric value, or 0 when there is none.</param>
    /// <returns>False for strings.</returns>
    public bool TryGetNumber(out double value)
    {
        switch (Kind)
        {
            case FieldKind.Float:
                value = Float;
                return true;
            case FieldKind.Integer:
                value = Integer;
                return true;
            case FieldKind.UInteger:
                value = UInteger;
                return true;
            case FieldKind.Boolean:
                value = _bits != 0 ? 1d : 0d;
                return true;
            default:
                value = 0d;
                return false;
        }
    }

    /// <summary>Formats the value as line protocol would (<c>1.5</c>, <c>12i</c>, <c>12u</c>, <c>true</c>, <c>"text"</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => Kind switch
    {
        FieldKind.Float => Float.ToString("R", CultureInfo.InvariantCulture),
        FieldKind.Integer => Integer.ToString(CultureInfo.InvariantCulture) + "i",
        FieldKind.UInteger => UInteger.ToString(CultureInfo.InvariantCulture) + "u",
        FieldKind.Boolean => Boolean ? "true" : "false",
        _ => "\"" + _string!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
    };

    /// <summary>The raw 64-bit payload (float bits, integer bits, or 0/1), for the reader and writer.</summary>
    internal ulong Bits => _bits;

    /// <summary>Creates a non-string value from a raw payload produced by the parser.</summary>
    internal static FieldValue FromBits(FieldKind kind, ulong bits) => new(kind, bits, null);
}
