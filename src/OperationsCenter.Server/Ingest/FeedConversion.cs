namespace OperationsCenter.Server.Ingest;

/// <summary>A JSON feed turned into line protocol, one line per convertible point.</summary>
/// <param name="LineProtocol">Canonical line protocol of the points that converted.</param>
/// <param name="PointIndexOfLine">For line n (1-based) of <paramref name="LineProtocol"/>, the index of its point at n-1.</param>
/// <param name="Problems">Points that could not be converted, by index.</param>
/// <param name="FatalError">Set when the body as a whole is unusable.</param>
internal sealed record FeedConversion(byte[] LineProtocol, IReadOnlyList<int> PointIndexOfLine, IReadOnlyList<LineProblem> Problems, string? FatalError);
