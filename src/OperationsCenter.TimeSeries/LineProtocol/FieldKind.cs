namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// The type of a line protocol field value.
/// </summary>
public enum FieldKind : byte
{
    /// <summary>A 64-bit IEEE-754 float, written without a suffix (<c>1.5</c>, <c>1</c>, <c>-2e10</c>).</summary>
    Float,

    /// <summary>A signed 64-bit integer, written with an <c>i</c> suffix (<c>12i</c>).</summary>
    Integer,

    /// <summary>An unsigned 64-bit integer, written with a <c>u</c> suffix (<c>12u</c>).</summary>
    UInteger,

    /// <summary>A boolean (<c>t</c>, <c>true</c>, <c>F</c>, <c>false</c>, ...).</summary>
    Boolean,

    /// <summary>A double-quoted string.</summary>
    String,
}
