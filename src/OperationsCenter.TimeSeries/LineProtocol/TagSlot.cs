namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>One parsed tag of the current line.</summary>
internal struct TagSlot
{
    /// <summary>The unescaped key.</summary>
    public TokenRef Key;

    /// <summary>The unescaped value.</summary>
    public TokenRef Value;
}
