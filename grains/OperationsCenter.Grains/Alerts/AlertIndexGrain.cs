using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// The list of current alerts: a read model, rebuilt from alert storage in one read when it activates (after a
/// restart, or on another silo) and fed by the alerts as they change. The alerts' own records stay the truth: where
/// the two differ, the newer view wins. It also keeps which rules were last in force, so a rule edited or removed
/// (while running or while stopped) reconciles the alerts it concerns.
/// </summary>
public sealed partial class AlertIndexGrain(
    [PersistentState("rules", AlertStorage.Name)] IPersistentState<RulesSeen> rulesSeen,
    StoredAlerts storedAlerts,
    LiveStateClock clock,
    ILogger<AlertIndexGrain> logger) : Grain, IAlertIndexGrain
{
    private static readonly TimeSpan KeepResolved = TimeSpan.FromHours(1);
    private const int ReconcileBatch = 64;
    private readonly Dictionary<string, AlertView> _alerts = new(StringComparer.Ordinal);
    private bool _loaded;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync();

    /// <inheritdoc />
    public Task Upsert(AlertView view)
    {
        Merge(view);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<AlertView>> List()
    {
        if (!_loaded)
        {
            await LoadAsync();
        }

        var horizon = clock.UtcNow - KeepResolved;
        foreach (var stale in _alerts.Values.Where(a => IsStale(a, horizon)).ToList())
        {
            _alerts.Remove(stale.Fingerprint);
        }

        return [.. _alerts.Values
            .OrderBy(a => a.State == AlertState.Resolved)
            .ThenByDescending(a => a.Severity)
            .ThenByDescending(a => a.FiringSince ?? a.StartsAt)];
    }

    /// <inheritdoc />
    public async Task RulesInForce(ImmutableDictionary<string, string> digests, string actor)
    {
        var previous = rulesSeen.State.Digests;
        var changed = previous.Keys.Where(name => digests.GetValueOrDefault(name) != previous[name]).ToHashSet(StringComparer.Ordinal);
        if (!_loaded)
        {
            await LoadAsync();
        }

        if (!_loaded)
        {
            // Alerts missing from the list would miss the change: the caller reports again, with the same difference.
            throw new InvalidOperationException("the alert list could not be read from storage; the rule change is reconciled once it can");
        }

        // Reconciled before the new set is stored: a failure here is retried with the same difference.
        var affected = _alerts.Values.Where(a => a.IsOpen && changed.Contains(a.RuleName)).Select(a => a.Fingerprint).ToList();
        foreach (var batch in affected.Chunk(ReconcileBatch))
        {
            await Task.WhenAll(batch.Select(f => GrainFactory.GetGrain<IAlertGrain>(f).Reconcile(actor)));
        }

        if (changed.Count > 0 || previous.Count != digests.Count)
        {
            rulesSeen.State = new RulesSeen { Digests = digests };
            await rulesSeen.WriteStateAsync();
        }

        if (affected.Count > 0)
        {
            LogReconciled(affected.Count, string.Join(", ", changed.Order(StringComparer.Ordinal)));
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            var horizon = clock.UtcNow - KeepResolved;
            var records = await storedAlerts.ReadAllAsync();
            foreach (var view in records.Select(r => r.View).OfType<AlertView>())
            {
                if (IsStale(view, horizon))
                {
                    // Out of every list for good: its record is no longer needed.
                    GrainFactory.GetGrain<IAlertGrain>(view.Fingerprint).Forget(horizon).Ignore();
                }
                else
                {
                    Merge(view);
                }
            }

            _loaded = true;
        }
        catch (Exception ex)
        {
            // Storage not answering: the list holds what alerts report meanwhile, and loading is tried again on the next read.
            LogLoadFailed(ex.Message);
        }
    }

    private void Merge(AlertView view)
    {
        // By revision, not by time: two changes can share a clock reading, and updates can arrive out of order.
        if (!_alerts.TryGetValue(view.Fingerprint, out var known) || known.Revision < view.Revision
            || (known.Revision == view.Revision && known.UpdatedAt <= view.UpdatedAt))
        {
            _alerts[view.Fingerprint] = view;
        }
    }

    private static bool IsStale(AlertView view, DateTimeOffset horizon) => view.State == AlertState.Resolved && view.EndsAt < horizon;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert list could not be read from storage; it is tried again on the next read: {Error}")]
    private partial void LogLoadFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} open alerts reconciled after rules changed: {Rules}")]
    private partial void LogReconciled(int count, string rules);
}
