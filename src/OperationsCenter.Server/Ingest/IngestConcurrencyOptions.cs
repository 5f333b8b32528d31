namespace OperationsCenter.Server.Ingest;

/// <summary>
/// How many ingest requests the center works on at once (<c>OperationsCenter:Ingest:Concurrency</c>). Each request in
/// flight may hold its body and the canonical copy of its accepted lines in memory, so these caps bound what ingest
/// holds at once; the per-department cap keeps one department (or one leaked key) from taking every slot.
/// </summary>
public sealed class IngestConcurrencyOptions
{
    /// <summary>Ingest requests in flight for all departments together; 0 turns the cap off.</summary>
    public int MaxRequests { get; set; } = 8;

    /// <summary>
    /// Requests that wait for a slot when all <see cref="MaxRequests"/> are taken; past them, 429. Large enough for every
    /// department of a province reporting at the same moment, several times over (the simulator's load mode sends one
    /// request per department 20 times a second): a waiting request's body is not read yet, so it holds little more
    /// than its connection.
    /// </summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>Ingest requests in flight for one department; past it, 429 at once (it does not queue). 0 turns the cap off.</summary>
    public int MaxRequestsPerDepartment { get; set; } = 4;
}
