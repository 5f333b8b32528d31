namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// One request's line protocol, all of one department: <paramref name="Plain"/> for the center (which adds the
/// department tag from the key), <paramref name="Tagged"/> with the tag for a write straight to InfluxDB, when built.
/// </summary>
internal sealed record LineBody(string Department, byte[] Plain, byte[]? Tagged);
