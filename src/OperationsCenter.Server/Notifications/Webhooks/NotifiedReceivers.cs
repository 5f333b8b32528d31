using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>
/// Which receivers each firing alert was sent to, so its resolution goes to the same ones even if the routes have
/// changed since. Kept in memory only: after a restart, a resolution falls back to the routes then in force.
/// </summary>
internal sealed class NotifiedReceivers
{
    private readonly ConcurrentDictionary<string, ImmutableArray<WebhookTarget>> _byFingerprint = new(StringComparer.Ordinal);

    /// <summary>Adds the receivers a firing was sent to; repeats (escalations, new routes) add to the set.</summary>
    public void Remember(string fingerprint, ImmutableArray<WebhookTarget> targets)
    {
        if (targets.IsEmpty)
        {
            return;
        }

        _byFingerprint.AddOrUpdate(fingerprint, targets,
            (_, known) => known.AddRange(targets.Where(t => !known.Any(k => k.Receiver == t.Receiver))));
    }

    /// <summary>Forgets the alert and gives back where its firing went, or null when nothing is known of it.</summary>
    public ImmutableArray<WebhookTarget>? Take(string fingerprint) =>
        _byFingerprint.TryRemove(fingerprint, out var targets) ? targets : null;
}
