using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.History;
using OperationsCenter.Grains.Wall;

namespace OperationsCenter.Grains.Series;

/// <summary>
/// Live state of one partition of a department's series (see <see cref="ISeriesPartitionGrain"/>): values and windows
/// per series and field, and the rule evaluators next to the state they read. Evaluators only report conditions; the
/// alert grains own what follows.
/// </summary>
public sealed partial class SeriesPartitionGrain(
    WallPublisher publisher,
    LiveStateClock clock,
    ILiveStateHistory history,
    AlertRuleSet rules,
    IOptions<AlertReminderOptions> reminders,
    IOptions<SeriesPartitions> partitions,
    IOptionsMonitor<DepartmentDirectoryOptions> directory,
    ILogger<SeriesPartitionGrain> logger) : Grain, ISeriesPartitionGrain, IRemindable
{
    // Followed by the series key: one reminder per series a silence rule watches.
    private const string SilenceReminder = "silence-watch:";
    private static readonly TimeSpan EvaluationInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SilenceInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RestoreBudget = TimeSpan.FromSeconds(3);

    private readonly Dictionary<string, SeriesState> _series = new(StringComparer.Ordinal);

    // Measurements, field and tag names repeat across a partition's series: one string each, not one per series.
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    // Series whose conditions are breached or between thresholds: evaluated on the timer so windows age.
    private readonly HashSet<SeriesState> _evaluating = [];
    private IGrainTimer? _evaluationTimer;
    private IGrainTimer? _silenceTimer;
    private string _department = "";

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var partition = this.GetPrimaryKeyLong(out var department);
        _department = department!;

        // The newest stored values of the partition's series, so a restarted center shows the wall as it was (and
        // silence rules count from the last stored point); windows refill from new points.
        try
        {
            var stored = await history.RestoreSeriesAsync(_department, cancellationToken).WaitAsync(RestoreBudget, cancellationToken);
            foreach (var update in stored)
            {
                var id = new SeriesId(update.Key);
                if (id.PartitionOf(partitions.Value.PerDepartment) != partition)
                {
                    continue;
                }

                var series = Add(id);
                foreach (var field in update.Fields)
                {
                    var state = series.Field(Name(field.Name));
                    state.Latest = field.Value;
                    state.LatestTime = UnixNanos.From(field.Time);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRestoreFailed(_department, partition, ex.Message);
        }

        EnsureSilenceWatch(_series.Values);
    }

    /// <inheritdoc />
    public async Task Apply(ImmutableArray<SeriesBatch> batches)
    {
        var now = clock.UtcNow;
        var nowNanos = UnixNanos.From(now);
        var touched = new List<SeriesState>(batches.Length);
        foreach (var batch in batches)
        {
            var series = Get(batch.Series);
            series.Points += batch.Points;
            series.LastArrival = now;
            var changed = false;
            foreach (var sample in batch.Samples)
            {
                var field = series.Field(Name(sample.Field));
                field.Add(sample, nowNanos);

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
                // Every field, so a client that missed an update still converges on the full latest state.
                publisher.Publish(series.ToUpdate());
            }

            touched.Add(series);
        }

        await EvaluateAsync(touched, now);
        EnsureSilenceWatch(touched);
    }

    /// <inheritdoc />
    public async Task Reevaluate(SeriesId series)
    {
        var state = Get(series);
        state.Alerts?.Forget();
        state.Silence?.Forget();
        await EvaluateAsync([state], clock.UtcNow);
        EnsureSilenceWatch([state]);
        if (state.WatchedForSilence(rules.Current))
        {
            await WatchSilenceAsync([state]);
        }
    }

    /// <inheritdoc />
    public Task<ImmutableArray<AlertSignal>> DryRun(ImmutableArray<AlertRule> candidate)
    {
        // Fresh evaluators have reported nothing, so they return every condition; nothing is sent to the alerts.
        var now = clock.UtcNow;
        var nowNanos = UnixNanos.From(now);
        var signals = ImmutableArray.CreateBuilder<AlertSignal>();
        foreach (var series in _series.Values)
        {
            var source = Source(series);
            if (series.HasValues)
            {
                signals.AddRange(new SeriesAlertEvaluator().Evaluate(
                    candidate, source, series.Name.Measurement, series.Name.Tags, new SeriesReadings(series, nowNanos),
                    series.Fields.Select(f => f.Name), now, DepartmentName()));
            }

            var lastReport = LastReport(series);
            var watch = new SilenceWatch(RuleScope.Series, series.Silence?.WatchingSince ?? lastReport ?? now);
            signals.AddRange(watch.Evaluate(candidate, series.Matches, lastReport, source, Labels(series), now, DepartmentName()));
        }

        return Task.FromResult(signals.ToImmutable());
    }

    /// <inheritdoc />
    public Task<ImmutableArray<SeriesSnapshot>> GetSnapshots()
    {
        var now = UnixNanos.From(clock.UtcNow);
        var snapshots = _series.Values
            .Where(s => s.HasValues)
            .Select(s => new SeriesSnapshot(
                s.Id.Key, s.Name.Measurement, s.Name.Department, s.Name.Tags,
                [.. s.Fields
                    .OrderBy(f => f.Name, StringComparer.Ordinal)
                    .Select(f => new FieldSnapshot(f.Name, f.Latest, UnixNanos.ToDateTimeOffset(f.LatestTime), f.Snapshot(now)))],
                UnixNanos.ToDateTimeOffset(s.LastTime()), s.Points))
            .ToImmutableArray();
        return Task.FromResult(snapshots);
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!reminderName.StartsWith(SilenceReminder, StringComparison.Ordinal))
        {
            return;
        }

        // The reminder names its series: after a restart without history the partition knows it from that alone.
        var series = Get(new SeriesId(reminderName[SilenceReminder.Length..]));
        series.Reminded = true;
        if (!series.WatchedForSilence(rules.Current))
        {
            // No rule watches this series any more.
            if (await this.GetReminder(reminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            series.Reminded = false;
            return;
        }

        EnsureSilenceWatch([series]);
    }

    /// <summary>
    /// Evaluates the value rules of <paramref name="series"/> as they are now and reports what changed to the alerts;
    /// keeps a timer while a condition is breached or between thresholds, so windows age even without new points.
    /// </summary>
    private async Task EvaluateAsync(IEnumerable<SeriesState> series, DateTimeOffset now)
    {
        var current = rules.Current;
        var nowNanos = UnixNanos.From(now);
        List<Task>? sends = null;
        foreach (var state in series)
        {
            var matching = state.ValueRules(current);
            if (!state.HasValues || (matching.IsEmpty && state.Alerts is null))
            {
                continue;
            }

            var evaluator = state.Alerts ??= new SeriesAlertEvaluator();
            var signals = evaluator.Evaluate(
                matching, Source(state), state.Name.Measurement, state.Name.Tags, new SeriesReadings(state, nowNanos),
                state.Fields.Select(f => f.Name), now, DepartmentName());
            if (signals.Count > 0)
            {
                (sends ??= []).Add(AlertSignals.SendAsync(GrainFactory, signals, evaluator.Unsent, logger));
            }

            if (evaluator.Active)
            {
                _evaluating.Add(state);
            }
            else
            {
                _evaluating.Remove(state);
                if (matching.IsEmpty)
                {
                    // No rule concerns the series any more: nothing to remember for it.
                    state.Alerts = null;
                }
            }
        }

        if (sends is not null)
        {
            await Task.WhenAll(sends);
            foreach (var state in series)
            {
                // A report that did not get through makes its evaluator active: it is sent again on the timer.
                if (state.Alerts is { Active: true })
                {
                    _evaluating.Add(state);
                }
            }
        }

        if (_evaluating.Count > 0 && _evaluationTimer is null)
        {
            _evaluationTimer = this.RegisterGrainTimer(
                () => EvaluateAsync([.. _evaluating], clock.UtcNow),
                new GrainTimerCreationOptions(EvaluationInterval, EvaluationInterval) { KeepAlive = true });
        }
        else if (_evaluating.Count == 0 && _evaluationTimer is not null)
        {
            _evaluationTimer.Dispose();
            _evaluationTimer = null;
        }
    }

    /// <summary>
    /// Series-scoped deadman and deadline rules need a timer that keeps this grain alive while its series are silent,
    /// since a silent series sends nothing that would wake it; and a stored reminder per watched series that brings
    /// the partition back, knowing that series, after a restart.
    /// </summary>
    private void EnsureSilenceWatch(IEnumerable<SeriesState> candidates)
    {
        var current = rules.Current;
        var watched = false;
        foreach (var series in candidates)
        {
            if (!series.WatchedForSilence(current))
            {
                continue;
            }

            watched = true;
            if (!series.Reminded)
            {
                series.Reminded = true;
                this.RegisterOrUpdateReminder(SilenceReminder + series.Id.Key, reminders.Value.Period, reminders.Value.Period).Ignore();
            }
        }

        if (watched && _silenceTimer is null)
        {
            _silenceTimer = this.RegisterGrainTimer(
                () => WatchSilenceAsync(_series.Values),
                new GrainTimerCreationOptions(SilenceInterval, SilenceInterval) { KeepAlive = true });
        }
    }

    private async Task WatchSilenceAsync(IEnumerable<SeriesState> series)
    {
        var current = rules.Current;
        var now = clock.UtcNow;
        var watched = 0;
        List<Task>? sends = null;
        foreach (var state in series.ToList())
        {
            if (!state.WatchedForSilence(current))
            {
                state.Silence = null;
                continue;
            }

            watched++;
            var watch = state.Silence ??= new SilenceWatch(RuleScope.Series, now);
            var signals = watch.Evaluate(current, state.Matches, LastReport(state), Source(state), Labels(state), now, DepartmentName());
            if (signals.Count > 0)
            {
                (sends ??= []).Add(AlertSignals.SendAsync(GrainFactory, signals, watch.Unsent, logger));
            }
        }

        if (sends is not null)
        {
            await Task.WhenAll(sends);
        }

        if (watched == 0 && _silenceTimer is not null && !_series.Values.Any(s => s.WatchedForSilence(current)))
        {
            // No rule watches these series for silence any more: no timer to keep the grain alive for.
            _silenceTimer.Dispose();
            _silenceTimer = null;
        }
    }

    private SeriesState Get(SeriesId id) => _series.TryGetValue(id.Key, out var series) ? series : Add(id);

    private SeriesState Add(SeriesId id)
    {
        var name = id.Parse();
        // The default comparer (ordinal for strings) is shared; a named one would cost an object per series.
        var tags = name.Tags.ToImmutableDictionary(t => Name(t.Key), t => t.Key == SeriesName.DepartmentTag ? _department : t.Value);
        var series = new SeriesState(id, new SeriesName(Name(name.Measurement), _department, tags));
        _series[id.Key] = series;
        return series;
    }

    private string Name(string name)
    {
        if (_names.TryGetValue(name, out var interned))
        {
            return interned;
        }

        _names[name] = name;
        return name;
    }

    private static DateTimeOffset? LastReport(SeriesState series) =>
        series.LastArrival ?? (series.HasValues ? UnixNanos.ToDateTimeOffset(series.LastTime()) : null);

    private static AlertSource Source(SeriesState series) => new(RuleScope.Series, series.Id.Key);

    private static ImmutableDictionary<string, string> Labels(SeriesState series) =>
        series.Name.Tags.SetItem("measurement", series.Name.Measurement);

    /// <summary>The department as people know it, for alert texts.</summary>
    private string? DepartmentName() => directory.CurrentValue.NameOf(_department);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Series of {Department} (partition {Partition}) start empty: their stored values could not be read ({Reason})")]
    private partial void LogRestoreFailed(string department, long partition, string reason);
}
