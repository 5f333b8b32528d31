namespace OperationsCenter.Server.Persistence;

/// <summary>How the spool is shipped to InfluxDB (<c>OperationsCenter:Drain</c>).</summary>
public sealed class DrainOptions
{
    /// <summary>Largest batch sent in one write request.</summary>
    public int MaxBatchBytes { get; set; } = 512 << 10;

    /// <summary>How long a small batch waits for more points before it is sent.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Write requests in flight at once; the checkpoint still advances strictly in order.</summary>
    public int Concurrency { get; set; } = 4;
}
