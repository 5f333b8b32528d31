using Orleans.Runtime;
using OperationsCenter.Server.Alerts;
using OperationsCenter.Server.Api;
using Polly;
using Polly.Retry;

namespace OperationsCenter.Server.Hubs;

/// <summary>
/// Builds the snapshot a wall gets on connecting. In a cluster that has just lost a node, the walls that were on it
/// reconnect here at once, before membership has declared the node dead, and calls to the grains that lived there fail
/// until they are re-activated: those are retried for a while, so the wall gets a complete snapshot instead of an error.
/// </summary>
internal sealed class WallSnapshotSource(LiveStateQueries queries, AlertQueries alerts)
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<OrleansException>().Handle<TimeoutException>(),
            BackoffType = DelayBackoffType.Constant,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxRetryAttempts = 60,
        })
        .Build();

    /// <summary>The whole live state now: departments, series and alerts.</summary>
    public ValueTask<WallSnapshot> GetAsync(CancellationToken cancellationToken) => Retry.ExecuteAsync(async _ =>
    {
        var overview = await queries.OverviewAsync();
        var series = await queries.SeriesAsync(null, null);
        var active = await alerts.ListAsync();
        return new WallSnapshot(overview.Departments, series, active, overview.GeneratedAt);
    }, cancellationToken);
}
