using OperationsCenter.Server.Departments;
using OperationsCenter.Server.Telemetry;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// The way in for points converted from another shape (the JSON feed, CSV and Excel reports): the points go through
/// <see cref="LineIngestor"/> like every other write (the spool's fsync before the answer, limits, field
/// types, live state), and the problems come back numbered as the sender numbered the points or rows.
/// </summary>
internal sealed class FeedIngest(LineIngestor ingestor, CenterMetrics metrics, DepartmentFeedLog feedLog)
{
    /// <summary>
    /// Ingests <paramref name="feed"/> for <paramref name="department"/>; throws
    /// <see cref="TimeSeries.Spool.SpoolFullException"/> when nothing could be taken.
    /// </summary>
    public async Task<IngestResult> IngestAsync(FeedConversion feed, string department, string dialect)
    {
        // Points the conversion refused never reach the ingestor, which counts and records the rest.
        metrics.Refused(department, dialect, RefusalReasons.Invalid, feed.Problems.Count);
        var result = await ingestor.IngestAsync(feed.Points, department, dialect);
        feedLog.Record(department, dialect, result.Accepted, feed.Problems, feed.Problems.Count + result.Problems.Count);

        // Converted points map back to the points or rows the sender numbered.
        var problems = feed.Problems.Concat(result.Problems.Select(p => p with { Line = feed.PointIndexOfLine[p.Line - 1] }))
            .OrderBy(p => p.Line).ToList();
        return new IngestResult(result.Accepted, problems);
    }
}
