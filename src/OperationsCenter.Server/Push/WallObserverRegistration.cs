using OperationsCenter.Grains.Wall;

namespace OperationsCenter.Server.Push;

/// <summary>
/// Registers this silo's <see cref="WallHubObserver"/> with the registry grain, and again periodically:
/// the registry keeps no storage and may be re-activated elsewhere.
/// </summary>
internal sealed partial class WallObserverRegistration(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    WallHubObserver observer,
    ILogger<WallObserverRegistration> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<IWallObserver>(observer);
        var registry = grains.GetGrain<IWallObserverRegistryGrain>(0);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try
            {
                await registry.Register(silo.SiloAddress, reference);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRegistrationFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the wall observer")]
    private partial void LogRegistrationFailed(Exception ex);
}
