namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// Where an (unescaped) token lives: a slice of the request body when nothing had to be unescaped, otherwise a
/// slice of the scratch buffer. Offsets instead of spans because the scratch buffer may grow (and move) while a
/// line is being parsed.
/// </summary>
internal readonly struct TokenRef(int start, int length, bool inScratch)
{
    /// <summary>Offset of the first byte, in the body or in the scratch buffer.</summary>
    public int Start { get; } = start;

    /// <summary>Number of bytes.</summary>
    public int Length { get; } = length;

    /// <summary>True when the bytes are in <see cref="LineProtocolScratch"/>'s unescape buffer.</summary>
    public bool InScratch { get; } = inScratch;
}
