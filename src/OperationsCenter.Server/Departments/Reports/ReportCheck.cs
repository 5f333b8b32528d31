using OperationsCenter.Server.Ingest;

namespace OperationsCenter.Server.Departments.Reports;

/// <summary>A report checked against the catalog: each row for the preview, and the good rows as a feed to ingest.</summary>
/// <param name="Rows">Every data row, with its error if it has one.</param>
/// <param name="Conversion">The good rows as line protocol, numbered by row; the bad ones as problems.</param>
internal sealed record ReportCheck(IReadOnlyList<ReportRowCheck> Rows, FeedConversion Conversion);
