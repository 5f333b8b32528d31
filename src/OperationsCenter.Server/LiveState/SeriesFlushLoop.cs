using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Series;
using OperationsCenter.Server.Ingest;

namespace OperationsCenter.Server.LiveState;

/// <summary>On the edge cadence, hands each pending partition to its grain (one call) and each department its activity.</summary>
internal sealed partial class SeriesFlushLoop(
    SeriesBatcher batcher,
    IGrainFactory grains,
    IOptions<IngestOptions> options,
    ILogger<SeriesFlushLoop> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // Awaited before the next tick, so a partition's batches reach its grain in order.
                await FlushAsync();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFlushFailed(ex);
            }
        }
    }

    /// <summary>Sends everything pending now.</summary>
    public async Task FlushAsync()
    {
        var settings = options.Value;
        var budget = (int)Math.Max(1, settings.MaxGrainCallsPerSecond * settings.FlushInterval.TotalSeconds);
        var pending = batcher.Take(budget);
        if (pending.IsEmpty)
        {
            return;
        }

        var calls = new List<Task>(pending.Length + 16);
        foreach (var partition in pending)
        {
            calls.Add(grains.GetGrain<ISeriesPartitionGrain>(partition.Partition, partition.Department).Apply(partition.ToBatches()));
        }

        foreach (var department in pending.GroupBy(p => p.Department, StringComparer.Ordinal))
        {
            var activity = new DepartmentActivity(
                department.Sum(p => p.Points),
                [.. department.SelectMany(p => p.NewSeries)],
                department.Max(p => p.LastReceived));
            calls.Add(grains.GetGrain<IDepartmentGrain>(department.Key).Report(activity));
        }

        await Task.WhenAll(calls);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handing batched points to the grains failed")]
    private partial void LogFlushFailed(Exception ex);
}
