namespace OperationsCenter.Server.Ingest;

/// <summary>A pending series held under its lock; disposing releases it.</summary>
internal readonly ref struct PendingLease(PendingSeries series)
{
    /// <summary>The locked pending batch.</summary>
    public PendingSeries Series { get; } = series;

    /// <summary>Releases the lock.</summary>
    public void Dispose() => Monitor.Exit(Series);
}
