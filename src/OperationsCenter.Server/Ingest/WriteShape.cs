using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>What differs between InfluxDB's v1 and v2 write endpoints: the target parameter, precisions and error shape.</summary>
internal sealed record WriteShape(IngestDialect Dialect, string TargetParameter, string TargetName, string Precisions, WriteShape.PrecisionParser TryParsePrecision)
{
    /// <summary>Parses a precision query value.</summary>
    public delegate bool PrecisionParser(string? text, out Precision precision);

    /// <summary><c>/write?db=&amp;precision=n|u|ms|s|m|h</c>.</summary>
    public static WriteShape V1 { get; } = new(IngestDialect.V1, "db", "database", "n, u, ms, s, m or h", PrecisionNames.TryParseV1);

    /// <summary><c>/api/v2/write?bucket=&amp;precision=ns|us|ms|s</c>.</summary>
    public static WriteShape V2 { get; } = new(IngestDialect.V2, "bucket", "bucket", "ns, us, ms or s", PrecisionNames.TryParseV2);
}
