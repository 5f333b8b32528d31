namespace OperationsCenter.Server.Ingest;

/// <summary>Bytes of request bodies the center holds at once, for all departments together.</summary>
/// <param name="limit">The most bytes held; 0 or less: no limit.</param>
internal sealed class BodyBudget(long limit)
{
    private long _held;

    /// <summary>Takes <paramref name="bytes"/> if they fit under the limit.</summary>
    public bool TryTake(long bytes)
    {
        if (Interlocked.Add(ref _held, bytes) <= limit || limit <= 0)
        {
            return true;
        }

        Interlocked.Add(ref _held, -bytes);
        return false;
    }

    /// <summary>Gives back what <see cref="TryTake"/> took.</summary>
    public void Give(long bytes) => Interlocked.Add(ref _held, -bytes);
}
