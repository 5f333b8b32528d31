namespace OperationsCenter.Server.Ingest;

/// <summary>Which limit refused an ingest request with 429.</summary>
internal enum IngestRefusal
{
    /// <summary>The department's request rate (<see cref="IngestRateLimitOptions"/>).</summary>
    Rate,

    /// <summary>The department's requests in flight (<see cref="IngestConcurrencyOptions.MaxRequestsPerDepartment"/>).</summary>
    DepartmentInFlight,

    /// <summary>All departments' requests being processed, queue included (<see cref="IngestConcurrencyOptions.MaxRequests"/>).</summary>
    InFlight,

    /// <summary>All departments' request bodies held at once (<see cref="IngestConcurrencyOptions.MaxBufferedBytes"/>).</summary>
    Bytes,
}
