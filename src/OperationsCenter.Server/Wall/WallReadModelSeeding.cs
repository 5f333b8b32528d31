using Orleans.Runtime;
using OperationsCenter.Grains.Series;
using OperationsCenter.Server.Alerts;
using OperationsCenter.Server.Api;
using Polly;
using Polly.Retry;

namespace OperationsCenter.Server.Wall;

/// <summary>
/// Loads this silo's <see cref="WallReadModel"/> from the grains once the silo is up (a silo that joins a running
/// cluster does the same), then reads departments and alerts again every <see cref="ReconcileInterval"/>: two grain
/// calls, so a batch that never arrived (a push times out after 2 s) cannot leave a department's status or a resolved
/// alert wrong for longer than that. A series' missed push is superseded by its next change.
/// </summary>
internal sealed partial class WallReadModelSeeding(
    WallReadModel model,
    LiveStateQueries queries,
    AlertQueries alerts,
    IHostApplicationLifetime lifetime,
    ILogger<WallReadModelSeeding> logger) : BackgroundService
{
    /// <summary>How often departments and alerts are read again.</summary>
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(30);

    // A cluster that has just lost a node fails calls to the grains that lived there until membership declares it dead
    // and they are activated elsewhere: those are retried for a while rather than seeding an incomplete picture.
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<OrleansException>().Handle<TimeoutException>(),
            BackoffType = DelayBackoffType.Constant,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxRetryAttempts = 60,
        })
        .Build();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After every hosted service started, the silo among them: grain calls made earlier would wait on it anyway.
        await Started(stoppingToken);

        // Walls connecting wait for the first load, so it is tried until it succeeds.
        while (!model.IsSeeded)
        {
            try
            {
                await Retry.ExecuteAsync(_ => SeedAsync(), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoadFailed("seed", ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }

        using var timer = new PeriodicTimer(ReconcileInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReconcileAsync();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoadFailed("reconcile", ex);
            }
        }
    }

    private async ValueTask SeedAsync()
    {
        using var mark = WallGrainCalls.Mark(WallGrainCalls.Seed);
        var overview = await queries.OverviewAsync();
        var series = await queries.SeriesAsync(null, null);
        var listedAt = DateTimeOffset.UtcNow;
        var open = await alerts.ListAsync();
        model.Load(overview.Departments, series.Select(Latest), open, listedAt);
    }

    private async Task ReconcileAsync()
    {
        using var mark = WallGrainCalls.Mark(WallGrainCalls.Seed);
        var overview = await queries.OverviewAsync();
        var listedAt = DateTimeOffset.UtcNow;
        var listed = await alerts.ListAsync();
        model.Load(overview.Departments, [], listed, listedAt);
    }

    private Task Started(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>A series as its pushes carry it: the latest value of each field, without windows.</summary>
    private static SeriesUpdate Latest(SeriesSnapshot s) =>
        new(s.Key, s.Measurement, s.Department, s.Tags, [.. s.Fields.Select(f => new FieldLatest(f.Name, f.Value, f.Time))], s.LastTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The wall's read model could not {Step} from the grains; trying again")]
    private partial void LogLoadFailed(string step, Exception ex);
}
