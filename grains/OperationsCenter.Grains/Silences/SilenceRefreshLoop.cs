using Microsoft.Extensions.Hosting;

namespace OperationsCenter.Grains.Silences;

/// <summary>Keeps this silo's <see cref="SilenceCache"/> in step with the registry grain.</summary>
public sealed class SilenceRefreshLoop(SilenceCache cache, IGrainFactory grains) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                cache.Replace(await grains.GetGrain<ISilenceRegistryGrain>(0).List());
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage unreachable: keep the last copy; the next tick tries again.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
