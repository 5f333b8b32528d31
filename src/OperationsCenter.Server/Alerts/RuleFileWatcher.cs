using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Alerts.Rules;

namespace OperationsCenter.Server.Alerts;

/// <summary>
/// Loads the rule files (<c>OperationsCenter:Alerts:RulesDirectory</c>) at start and again whenever one changes.
/// A load with any error keeps the last good rules in force; the errors show in <c>/health</c> and the log. Each
/// load that succeeds is reported to the alert index, which reconciles the open alerts of rules that changed or went
/// away (until the report gets through: the silo may still be starting, storage may be down).
/// </summary>
internal sealed partial class RuleFileWatcher(
    AlertRuleSet ruleSet,
    RuleStatus status,
    IConfiguration configuration,
    IHostEnvironment environment,
    IGrainFactory grains,
    ILogger<RuleFileWatcher> logger) : BackgroundService, IHostedLifecycleService
{
    private const string SystemActor = "system";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private string _seen = "";
    private readonly SemaphoreSlim _reporting = new(1, 1);
    private RulesReport? _unreported;
    private bool _reportFailed;

    /// <summary>The folder the rules are read from.</summary>
    public string Directory { get; } = Path.GetFullPath(
        configuration["OperationsCenter:Alerts:RulesDirectory"] is { Length: > 0 } configured ? configured : "rules",
        environment.ContentRootPath);

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // Before any hosted service starts, the silo included: right after a restart, alert reminders fire as soon as
        // the silo is up, and an alert that saw no rules would take its escalation for gone and drop its reminder.
        LoadIfChanged(SystemActor, always: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Makes an administrator's <paramref name="change"/> to the files, loads them at once and reports the change, so
    /// the alerts it resolves or re-evaluates carry <paramref name="actor"/> (the poll cannot see the change first).
    /// </summary>
    public Task ChangeAsync(string actor, Action change)
    {
        lock (_gate)
        {
            change();
            _seen = Fingerprint();
            Load(actor);
        }

        return ReportAsync();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Polling the files' times is simpler and sturdier than FileSystemWatcher (editors replace files, mounts drop events).
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            try
            {
                LoadIfChanged(SystemActor, always: false);
            }
            catch (IOException ex)
            {
                // A file replaced while we looked: the next tick sees it settled.
                LogScanFailed(ex.Message);
            }

            await ReportAsync();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void LoadIfChanged(string actor, bool always)
    {
        lock (_gate)
        {
            var now = Fingerprint();
            if (always || now != _seen)
            {
                _seen = now;
                Load(actor);
            }
        }
    }

    /// <summary>
    /// Tells the alert index which rules are in force; kept for the next tick when it cannot be told now. One report
    /// at a time, so an older one never reaches the index after a newer one.
    /// </summary>
    private async Task ReportAsync()
    {
        await _reporting.WaitAsync();
        try
        {
            await ReportOnceAsync();
        }
        finally
        {
            _reporting.Release();
        }
    }

    private async Task ReportOnceAsync()
    {
        var report = _unreported;
        if (report is null)
        {
            return;
        }

        try
        {
            await grains.GetGrain<IAlertIndexGrain>(0).RulesInForce(report.Digests, report.Actor);
            Interlocked.CompareExchange(ref _unreported, null, report);
            _reportFailed = false;
        }
        catch (Exception ex)
        {
            if (!_reportFailed)
            {
                _reportFailed = true;
                LogReportFailed(ex.Message);
            }
        }
    }

    private void Load(string actor)
    {
        var load = System.IO.Directory.Exists(Directory)
            ? RuleSetLoader.Load(Directory)
            : new RuleSetLoad([], [], []);
        if (load.Succeeded)
        {
            ruleSet.Replace(load.Rules);
            _unreported = new RulesReport(RuleDigest.Of(load.Rules), actor);
            status.Loaded(Directory, load.Rules.Length, DateTimeOffset.UtcNow);
            LogLoaded(load.Rules.Length, Directory);
        }
        else
        {
            var errors = load.Errors.Select(e => e.ToString()).ToImmutableArray();
            status.Failed(Directory, errors, DateTimeOffset.UtcNow);
            LogRejected(Directory, string.Join("; ", errors));
        }
    }

    private string Fingerprint() => !System.IO.Directory.Exists(Directory)
        ? ""
        : string.Join("|", System.IO.Directory.EnumerateFiles(Directory)
            .Where(f => RuleSetLoader.Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}:{new FileInfo(f).Length}"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert index could not be told of the rules in force; tried again every second: {Error}")]
    private partial void LogReportFailed(string error);

    /// <summary>Rules in force, to report with who changed them.</summary>
    private sealed record RulesReport(ImmutableDictionary<string, string> Digests, string Actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule files could not be scanned this time: {Error}")]
    private partial void LogScanFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} alert rules in force from {Directory}")]
    private partial void LogLoaded(int count, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule files in {Directory} were not loaded; the last good rules stay in force: {Errors}")]
    private partial void LogRejected(string directory, string errors);
}
