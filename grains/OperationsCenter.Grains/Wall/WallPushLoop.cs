using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OperationsCenter.Grains.Wall;

/// <summary>Every push interval, sends what <see cref="WallPublisher"/> collected to every silo's observer.</summary>
public sealed partial class WallPushLoop(
    WallPublisher publisher,
    IGrainFactory grains,
    IOptions<WallPushOptions> options,
    ILogger<WallPushLoop> logger) : BackgroundService
{
    private static readonly TimeSpan ObserverDeadline = TimeSpan.FromSeconds(2);
    private ImmutableArray<IWallObserver> _observers = [];
    private DateTimeOffset _observersReadAt = DateTimeOffset.MinValue;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var batch = publisher.TakeBatch();
            if (batch is null)
            {
                continue;
            }

            try
            {
                await SendAsync(batch);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed push is superseded by the next change of the same series; clients resync on reconnect.
                LogPushFailed(ex);
            }
        }
    }

    private async Task SendAsync(WallBatch batch)
    {
        if (DateTimeOffset.UtcNow - _observersReadAt > options.Value.ObserverRefresh || _observers.IsEmpty)
        {
            _observers = await grains.GetGrain<IWallObserverRegistryGrain>(0).GetObservers();
            _observersReadAt = DateTimeOffset.UtcNow;
        }

        var sends = _observers.Select(async observer =>
        {
            try
            {
                // Bounded: a node that stopped answering (killed, frozen, not yet declared dead) must not hold up
                // the pushes to every other node's walls.
                await observer.OnWallBatch(batch).WaitAsync(ObserverDeadline);
            }
            catch (Exception ex)
            {
                // The silo may have gone; make the next tick re-read the registry.
                _observersReadAt = DateTimeOffset.MinValue;
                LogObserverFailed(ex);
            }
        });
        await Task.WhenAll(sends);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wall push failed")]
    private partial void LogPushFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A silo's wall observer did not take a batch")]
    private partial void LogObserverFailed(Exception ex);
}
