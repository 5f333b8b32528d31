using System.Collections.Immutable;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>
/// The most recent failed deliveries, for <c>/health</c>: bounded so a receiver that is down for days cannot eat the
/// memory. Every failure is also in <c>webhook-failures.log</c> in the data directory, which keeps all of them.
/// </summary>
internal sealed class WebhookFailures(int capacity = 100)
{
    private readonly Lock _gate = new();
    private readonly Queue<WebhookFailure> _recent = new();
    private long _total;

    /// <summary>Failures recorded since start, including those no longer in <see cref="Recent"/>.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Keeps a failure, dropping the oldest kept one past the capacity.</summary>
    public void Record(WebhookFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        lock (_gate)
        {
            _recent.Enqueue(failure);
            while (_recent.Count > capacity)
            {
                _recent.Dequeue();
            }
        }

        Interlocked.Increment(ref _total);
    }

    /// <summary>The kept failures, newest first.</summary>
    public ImmutableArray<WebhookFailure> Recent()
    {
        lock (_gate)
        {
            return [.. _recent.Reverse()];
        }
    }
}
