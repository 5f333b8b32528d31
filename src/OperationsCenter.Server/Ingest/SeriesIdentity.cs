using System.Collections.Immutable;

namespace OperationsCenter.Server.Ingest;

/// <summary>A series' names, built once per series and reused by every batch that touches it.</summary>
/// <param name="Key">Canonical series key.</param>
/// <param name="Measurement">Measurement.</param>
/// <param name="Department">Department id.</param>
/// <param name="Tags">All tags, including <c>department</c>.</param>
public sealed record SeriesIdentity(string Key, string Measurement, string Department, ImmutableDictionary<string, string> Tags);
