using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>A JSON feed or a report turned into points, ready for <see cref="LineIngestor"/> without becoming text.</summary>
/// <param name="Points">The points that converted.</param>
/// <param name="PointIndexOfLine">For point n (1-based) of <paramref name="Points"/>, the sender's index of it (point or row) at n-1.</param>
/// <param name="Problems">Points that could not be converted, by the sender's index.</param>
/// <param name="FatalError">Set when the body as a whole is unusable.</param>
internal sealed record FeedConversion(IReadOnlyList<LinePoint> Points, IReadOnlyList<int> PointIndexOfLine, IReadOnlyList<LineProblem> Problems, string? FatalError);
