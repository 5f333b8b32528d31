using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.History;
using OperationsCenter.Grains.Wall;

namespace OperationsCenter.Grains.Series;

/// <summary>Live state of one series: per numeric field, the latest value and rolling windows.</summary>
public sealed partial class SeriesGrain(
    WallPublisher publisher,
    LiveStateClock clock,
    ILiveStateHistory history,
    AlertRuleSet rules,
    IOptions<AlertReminderOptions> reminders,
    IOptionsMonitor<DepartmentDirectoryOptions> directory,
    ILogger<SeriesGrain> logger) : Grain, ISeriesGrain, IRemindable
{
    private const string SilenceReminder = "silence-watch";
    private bool _silenceReminded;
    private string _keyMeasurement = "";
    private ImmutableDictionary<string, string> _keyTags = ImmutableDictionary<string, string>.Empty;
    private static readonly TimeSpan EvaluationInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SilenceInterval = TimeSpan.FromSeconds(5);
    private readonly SeriesAlertEvaluator _alerts = new();
    private IGrainTimer? _evaluationTimer;
    private IGrainTimer? _silenceTimer;
    private SilenceWatch? _silence;
    private DateTimeOffset? _lastArrival;

    private static readonly TimeSpan RestoreBudget = TimeSpan.FromSeconds(3);

    private readonly Dictionary<string, SeriesField> _fields = new(StringComparer.Ordinal);
    private string? _measurement;
    private string _department = "";
    private ImmutableDictionary<string, string> _tags = ImmutableDictionary<string, string>.Empty;
    private long _points;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // What the series is, from its key: enough to match rules even before a point or history arrives.
        (_keyMeasurement, _keyTags) = SeriesKey.Parse(this.GetPrimaryKeyString());

        // The newest stored values, so a restarted center shows the wall as it was; windows refill from new points.
        try
        {
            if (await history.RestoreSeriesAsync(this.GetPrimaryKeyString(), cancellationToken).WaitAsync(RestoreBudget, cancellationToken) is { } stored)
            {
                _measurement = stored.Measurement;
                _department = stored.Department;
                _tags = stored.Tags;
                foreach (var field in stored.Fields)
                {
                    _fields[field.Name] = new SeriesField(field.Name) { Latest = field.Value, LatestTime = UnixNanos.From(field.Time) };
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRestoreFailed(this.GetPrimaryKeyString(), ex.Message);
        }
    }

    /// <inheritdoc />
    public async Task Apply(SeriesBatch batch)
    {
        _measurement ??= batch.Measurement;
        _lastArrival = clock.UtcNow;
        _department = batch.Department;
        _tags = batch.Tags;
        _points += batch.Points;

        var now = NowNanos();
        var changed = false;
        foreach (var sample in batch.Samples)
        {
            if (!_fields.TryGetValue(sample.Field, out var field))
            {
                field = new SeriesField(sample.Field);
                _fields.Add(sample.Field, field);
            }

            field.Windows.Add(sample, now);

            // An older point never overwrites a newer latest value.
            if (sample.LastTime >= field.LatestTime)
            {
                field.Latest = sample.Last;
                field.LatestTime = sample.LastTime;
                changed = true;
            }
        }

        if (changed)
        {
            // Send every field so a client that missed an update still converges on the full latest state.
            publisher.Publish(new SeriesUpdate(
                this.GetPrimaryKeyString(), _measurement, _department, _tags,
                [.. _fields.Values.Select(f => new FieldLatest(f.Name, f.Latest, UnixNanos.ToDateTimeOffset(f.LatestTime)))],
                LastTime()));
        }

        await EvaluateAlertsAsync();
        EnsureSilenceWatch();
    }

    /// <summary>
    /// Series-scoped deadman and deadline rules need a timer that keeps this grain alive while the series is silent,
    /// since a silent series sends nothing that would wake it.
    /// </summary>
    private void EnsureSilenceWatch()
    {
        if (_silenceTimer is not null || !SilenceRulesMatch())
        {
            return;
        }

        _silence ??= new SilenceWatch(RuleScope.Series, clock.UtcNow);
        _silenceTimer = this.RegisterGrainTimer(WatchSilenceAsync, new GrainTimerCreationOptions(SilenceInterval, SilenceInterval) { KeepAlive = true });
        if (!_silenceReminded)
        {
            // A reminder (stored) brings the grain back after a restart, so a series that stays silent still fires.
            _silenceReminded = true;
            this.RegisterOrUpdateReminder(SilenceReminder, reminders.Value.Period, reminders.Value.Period).Ignore();
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SilenceReminder)
        {
            return;
        }

        if (!SilenceRulesMatch())
        {
            // No rule watches this series any more.
            if (await this.GetReminder(SilenceReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        _silenceReminded = true;
        EnsureSilenceWatch();
    }

    private bool SilenceRulesMatch() =>
        SilenceWatch.Watches(RuleScope.Series, rules.Current, r => r.Match.Matches(_keyMeasurement, _keyTags));

    /// <inheritdoc />
    public async Task Reevaluate()
    {
        _alerts.Forget();
        _silence?.Forget();
        await EvaluateAlertsAsync();
        EnsureSilenceWatch();
        if (_silence is not null)
        {
            await WatchSilenceAsync();
        }
    }

    private AlertSource Source => new(RuleScope.Series, this.GetPrimaryKeyString());

    private async Task WatchSilenceAsync()
    {
        var labels = _keyTags.SetItem("measurement", _keyMeasurement);
        var lastReport = _lastArrival ?? (_fields.Count > 0 ? LastTime() : null);
        if (!SilenceRulesMatch())
        {
            // No rule watches this series for silence any more: no timer to keep it alive for.
            _silenceTimer?.Dispose();
            _silenceTimer = null;
            return;
        }

        var signals = _silence!.Evaluate(rules.Current, r => r.Match.Matches(_keyMeasurement, _keyTags), lastReport, Source, labels, clock.UtcNow, DepartmentName());
        await AlertSignals.SendAsync(GrainFactory, signals, _silence.Unsent, logger);
    }

    /// <summary>
    /// Evaluates the alert rules on the series as it is now and reports what changed to the alerts; keeps a timer
    /// while a condition is breached or between thresholds, so windows age even without new points.
    /// </summary>
    private async Task EvaluateAlertsAsync()
    {
        if (_measurement is not null)
        {
            var now = clock.UtcNow;
            var signals = _alerts.Evaluate(rules.Current, Source, _measurement, _tags, new SeriesReadings(_fields, UnixNanos.From(now)), _fields.Keys, now, DepartmentName());
            await AlertSignals.SendAsync(GrainFactory, signals, _alerts.Unsent, logger);
        }

        if (_alerts.Active && _evaluationTimer is null)
        {
            _evaluationTimer = this.RegisterGrainTimer(EvaluateAlertsAsync, new GrainTimerCreationOptions(EvaluationInterval, EvaluationInterval) { KeepAlive = true });
        }
        else if (!_alerts.Active && _evaluationTimer is not null)
        {
            _evaluationTimer.Dispose();
            _evaluationTimer = null;
        }
    }

    /// <inheritdoc />
    public Task<ImmutableArray<AlertSignal>> DryRun(ImmutableArray<AlertRule> rules)
    {
        // Fresh evaluators have reported nothing, so they return every condition; nothing is sent to the alerts.
        var now = clock.UtcNow;
        var signals = new List<AlertSignal>();
        if (_measurement is not null)
        {
            signals.AddRange(new SeriesAlertEvaluator().Evaluate(rules, Source, _measurement, _tags, new SeriesReadings(_fields, UnixNanos.From(now)), _fields.Keys, now, DepartmentName()));
        }

        var lastReport = _lastArrival ?? (_fields.Count > 0 ? LastTime() : null);
        var watch = new SilenceWatch(RuleScope.Series, _silence?.WatchingSince ?? lastReport ?? now);
        signals.AddRange(watch.Evaluate(rules, r => r.Match.Matches(_keyMeasurement, _keyTags), lastReport, Source, _keyTags.SetItem("measurement", _keyMeasurement), now, DepartmentName()));
        return Task.FromResult(signals.ToImmutableArray());
    }

    /// <inheritdoc />
    public Task<SeriesSnapshot?> GetSnapshot()
    {
        if (_measurement is null)
        {
            return Task.FromResult<SeriesSnapshot?>(null);
        }

        var now = NowNanos();
        var fields = _fields.Values
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new FieldSnapshot(f.Name, f.Latest, UnixNanos.ToDateTimeOffset(f.LatestTime), f.Windows.Snapshot(now)))
            .ToImmutableArray();
        return Task.FromResult<SeriesSnapshot?>(new SeriesSnapshot(
            this.GetPrimaryKeyString(), _measurement, _department, _tags, fields, LastTime(), _points));
    }

    private DateTimeOffset LastTime() =>
        _fields.Count == 0 ? DateTimeOffset.MinValue : UnixNanos.ToDateTimeOffset(_fields.Values.Max(f => f.LatestTime));

    private long NowNanos() => UnixNanos.From(clock.UtcNow);

    /// <summary>The series' department as people know it, for alert texts.</summary>
    private string? DepartmentName() =>
        _keyTags.TryGetValue(SeriesMatcher.DepartmentTag, out var id) ? directory.CurrentValue.NameOf(id) : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Series {Key} starts empty: its stored values could not be read ({Reason})")]
    private partial void LogRestoreFailed(string key, string reason);
}
