using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Alerts.Rules;

namespace OperationsCenter.Server.Alerts;

/// <summary>
/// Loads the rule files (<c>OperationsCenter:Alerts:RulesDirectory</c>) at start and again whenever one changes.
/// A load with any error keeps the last good rules in force; the errors show in <c>/health</c> and the log.
/// </summary>
internal sealed partial class RuleFileWatcher(
    AlertRuleSet ruleSet,
    RuleStatus status,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<RuleFileWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The folder the rules are read from.</summary>
    public string Directory { get; } = Path.GetFullPath(
        configuration["OperationsCenter:Alerts:RulesDirectory"] is { Length: > 0 } configured ? configured : "rules",
        environment.ContentRootPath);

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The first load happens before the host starts, so no point is evaluated without the rules.
        Load();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Polling the files' times is simpler and sturdier than FileSystemWatcher (editors replace files, mounts drop events).
        var seen = Fingerprint();
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = Fingerprint();
                if (now != seen)
                {
                    seen = now;
                    Load();
                }
            }
            catch (IOException ex)
            {
                // A file replaced while we looked: the next tick sees it settled.
                LogScanFailed(ex.Message);
            }
        }
    }

    private void Load()
    {
        var load = System.IO.Directory.Exists(Directory)
            ? RuleSetLoader.Load(Directory)
            : new RuleSetLoad([], [], []);
        if (load.Succeeded)
        {
            ruleSet.Replace(load.Rules);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule files could not be scanned this time: {Error}")]
    private partial void LogScanFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} alert rules in force from {Directory}")]
    private partial void LogLoaded(int count, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule files in {Directory} were not loaded; the last good rules stay in force: {Errors}")]
    private partial void LogRejected(string directory, string errors);
}
