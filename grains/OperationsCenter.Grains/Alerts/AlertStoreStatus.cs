using System.Collections.Concurrent;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// This silo's alerts whose live state is not yet in storage (storage failed or stalled), for <c>/health</c>. Each
/// such alert retries by itself until storage answers.
/// </summary>
public sealed class AlertStoreStatus
{
    private readonly ConcurrentDictionary<string, byte> _unstored = new(StringComparer.Ordinal);

    /// <summary>How many alerts wait to be stored.</summary>
    public int Unstored => _unstored.Count;

    /// <summary>The last storage error, with when it happened; null when none since start.</summary>
    public (string Error, DateTimeOffset At)? LastError { get; private set; }

    /// <summary>Records a failed write of <paramref name="fingerprint"/>.</summary>
    public void Failed(string fingerprint, string error, DateTimeOffset at)
    {
        _unstored[fingerprint] = 0;
        LastError = (error, at);
    }

    /// <summary>Records that <paramref name="fingerprint"/>'s stored state equals its live state again.</summary>
    public void Stored(string fingerprint) => _unstored.TryRemove(fingerprint, out _);
}
