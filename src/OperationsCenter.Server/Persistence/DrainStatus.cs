namespace OperationsCenter.Server.Persistence;

/// <summary>What the drainer last saw of InfluxDB, for <c>/health</c>.</summary>
internal sealed class DrainStatus
{
    private readonly Lock _gate = new();
    private string? _version;
    private string? _lastError;
    private DateTimeOffset? _lastSuccessAt;
    private DateTimeOffset? _lastErrorAt;
    private long _pointsShipped;

    /// <summary>Records a connection to InfluxDB of the given version.</summary>
    public void Connected(string version)
    {
        lock (_gate)
        {
            _version = version;
        }
    }

    /// <summary>Records a batch InfluxDB accepted.</summary>
    public void Shipped(long points, DateTimeOffset at)
    {
        Interlocked.Add(ref _pointsShipped, points);
        lock (_gate)
        {
            _lastSuccessAt = at;
            _lastError = null;
        }
    }

    /// <summary>Records a failure to reach or write to InfluxDB.</summary>
    public void Failed(string error, DateTimeOffset at)
    {
        lock (_gate)
        {
            _lastError = error;
            _lastErrorAt = at;
        }
    }

    /// <summary>A consistent copy.</summary>
    public (string? Version, bool Reachable, string? LastError, DateTimeOffset? LastErrorAt, DateTimeOffset? LastSuccessAt, long PointsShipped) Snapshot()
    {
        lock (_gate)
        {
            return (_version, _version is not null && _lastError is null, _lastError, _lastErrorAt, _lastSuccessAt, Interlocked.Read(ref _pointsShipped));
        }
    }
}
