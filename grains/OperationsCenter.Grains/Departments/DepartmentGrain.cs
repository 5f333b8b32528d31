using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.History;
using OperationsCenter.Grains.Overview;
using OperationsCenter.Grains.Wall;

namespace OperationsCenter.Grains.Departments;

/// <summary>
/// One department's activity. Reports to the overview and the wall on a timer rather than on every edge flush,
/// so a busy department costs one overview call a second, and a silent one still turns late and silent on time.
/// </summary>
public sealed partial class DepartmentGrain(
    IOptionsMonitor<FreshnessOptions> freshness,
    IOptionsMonitor<DepartmentDirectoryOptions> directory,
    WallPublisher publisher,
    LiveStateClock clock,
    ILiveStateHistory history,
    AlertRuleSet rules,
    GrainMetrics metrics,
    ILogger<DepartmentGrain> logger) : Grain, IDepartmentGrain
{
    private SilenceWatch? _silence;

    private static readonly TimeSpan RestoreBudget = TimeSpan.FromSeconds(3);

    private readonly HashSet<string> _seriesKeys = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastSeen;
    private long _points;
    private Freshness? _reported;
    private bool _dirty = true;
    private DateTimeOffset _reportedAt;

    // One-way reports may be lost (say, the overview's silo died); an unchanged status is resent this often.
    private static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RestoreAsync(cancellationToken);
        _silence = new SilenceWatch(RuleScope.Department, clock.UtcNow);

        // The first report goes out on the timer, not here: the overview may be the one activating us.
        var interval = freshness.CurrentValue.CheckInterval;
        this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.Zero, interval) { KeepAlive = true });
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.DepartmentGone(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Wake() => Task.CompletedTask;

    /// <inheritdoc />
    public Task Report(DepartmentActivity activity)
    {
        _points += activity.Points;
        if (_lastSeen is null || activity.ReceivedAt > _lastSeen)
        {
            _lastSeen = activity.ReceivedAt;
        }

        foreach (var key in activity.SeriesKeys)
        {
            _seriesKeys.Add(key);
        }

        _dirty = true;

        // A change of freshness (a silent department speaking again) goes out at once, not on the next tick.
        return Status().Freshness != _reported ? Tick() : Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Reevaluate()
    {
        _silence?.Forget();
        return WatchSilenceAsync();
    }

    /// <inheritdoc />
    public Task<DepartmentStatus> GetStatus() => Task.FromResult(Status());

    /// <inheritdoc />
    public Task<ImmutableArray<string>> GetSeriesKeys() => Task.FromResult(_seriesKeys.ToImmutableArray());

    /// <summary>Series list and last seen from history, so a restart keeps the wall's departments as they were.</summary>
    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stored = await history.RestoreDepartmentAsync(this.GetPrimaryKeyString(), cancellationToken).WaitAsync(RestoreBudget, cancellationToken);
            _seriesKeys.UnionWith(stored.SeriesKeys);
            _lastSeen = stored.LastSeen;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRestoreFailed(this.GetPrimaryKeyString(), ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Department {Department} starts empty: its stored series could not be read ({Reason})")]
    private partial void LogRestoreFailed(string department, string reason);

    private async Task Tick()
    {
        await WatchSilenceAsync();
        var status = Status();
        metrics.DepartmentSeries(status.Id, status.SeriesCount);
        var now = clock.UtcNow;
        if (!_dirty && status.Freshness == _reported && now - _reportedAt < ResendAfter)
        {
            return;
        }

        _dirty = false;
        _reported = status.Freshness;
        _reportedAt = now;
        publisher.Publish(status);
        await GrainFactory.GetGrain<IOverviewGrain>(0).Update(status);
    }

    /// <summary>Department-wide deadman and deadline rules, judged against the department's last point.</summary>
    private async Task WatchSilenceAsync()
    {
        var id = this.GetPrimaryKeyString();
        var current = rules.Current;
        if (_silence is null || !SilenceWatch.Watches(RuleScope.Department, current, r => r.Match.MatchesDepartment(id)))
        {
            return;
        }

        var labels = ImmutableDictionary<string, string>.Empty.Add("department", id);
        var signals = _silence.Evaluate(current, r => r.Match.MatchesDepartment(id), _lastSeen, new AlertSource(RuleScope.Department, id), labels, clock.UtcNow, directory.CurrentValue.NameOf(id));
        await AlertSignals.SendAsync(GrainFactory, signals, _silence.Unsent, logger);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<AlertSignal>> DryRun(ImmutableArray<AlertRule> rules)
    {
        // A watch of its own that has reported nothing, so every condition comes back; the alerts hear nothing.
        var id = this.GetPrimaryKeyString();
        var watch = new SilenceWatch(RuleScope.Department, _silence?.WatchingSince ?? clock.UtcNow);
        var labels = ImmutableDictionary<string, string>.Empty.Add("department", id);
        var signals = watch.Evaluate(rules, r => r.Match.MatchesDepartment(id), _lastSeen, new AlertSource(RuleScope.Department, id), labels, clock.UtcNow, directory.CurrentValue.NameOf(id));
        return Task.FromResult(signals.ToImmutableArray());
    }

    private DepartmentStatus Status()
    {
        var id = this.GetPrimaryKeyString();
        return new DepartmentStatus(
            id,
            directory.CurrentValue.NameOf(id),
            _lastSeen,
            _points,
            _seriesKeys.Count,
            freshness.CurrentValue.Classify(_lastSeen, clock.UtcNow));
    }
}
