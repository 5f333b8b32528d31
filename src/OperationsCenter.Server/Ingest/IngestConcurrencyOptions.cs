namespace OperationsCenter.Server.Ingest;

/// <summary>
/// What ingest holds at once (<c>OperationsCenter:Ingest:Concurrency</c>). A request's body is read first, counted in
/// bytes against <see cref="MaxBufferedBytes"/>; only then does it take one of the <see cref="MaxRequests"/> slots
/// where bodies are parsed and made durable. So a slow link holds its own bytes, never a slot others need; the
/// per-department cap keeps one department (or one leaked key) from holding many bodies at once.
/// </summary>
public sealed class IngestConcurrencyOptions
{
    /// <summary>Requests parsed and made durable at once, for all departments together (bodies already read); 0 turns the cap off.</summary>
    public int MaxRequests { get; set; } = 8;

    /// <summary>
    /// Requests whose body is read that wait for one of the <see cref="MaxRequests"/> slots; past them, 429. Large enough
    /// for every department of a province reporting at the same moment, several times over (the simulator's load mode
    /// sends one request per department 20 times a second); what the waiting bodies hold is bounded by <see cref="MaxBufferedBytes"/>.
    /// </summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>Ingest requests in flight for one department, reading its body included; past it and <see cref="QueuePerDepartment"/>, 429. 0 turns the cap off.</summary>
    public int MaxRequestsPerDepartment { get; set; } = 4;

    /// <summary>
    /// A department's HTTP requests that wait, before the center reads their bodies, for one of its
    /// <see cref="MaxRequestsPerDepartment"/>; past them, 429 at once. A moment's stall of the disk or the cores (an fsync
    /// that takes longer, InfluxDB compacting on the same machine) then slows a department's steady stream instead of
    /// refusing it. A waiting request holds its connection and what Kestrel reads ahead of its body (at most
    /// <c>MaxRequestBufferSize</c>, 1 MiB), not a body buffer of the center. MQTT messages never wait. 0: none wait.
    /// </summary>
    public int QueuePerDepartment { get; set; } = 8;

    /// <summary>
    /// Bytes of request bodies held at once, being read or waiting for a slot (after gzip decompression); past it, 429.
    /// 0 turns the cap off.
    /// </summary>
    public long MaxBufferedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Slowest body Kestrel waits for, in bytes a second after a 10-second grace: a weak mobile link sends a few KB
    /// report well above it, a stalled or hostile one is cut off instead of holding its connection for ever.
    /// </summary>
    public int MinBodyBytesPerSecond { get; set; } = 100;
}
