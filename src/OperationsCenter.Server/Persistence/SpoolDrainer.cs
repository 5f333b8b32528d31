using System.Diagnostics;
using Microsoft.Extensions.Options;
using OperationsCenter.Server.Telemetry;
using Polly;
using OperationsCenter.TimeSeries.Influx;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Persistence;

/// <summary>
/// Ships the spool to InfluxDB in order: batches bounded by size (and a short linger), a few in flight, and the
/// durable checkpoint advanced only past batches InfluxDB accepted. While InfluxDB is down the spool simply grows;
/// lines InfluxDB refuses for good are isolated by halving the batch and go to the dead-letter file.
/// </summary>
internal sealed partial class SpoolDrainer(
    Spool spool,
    InfluxConnection influx,
    DeadLetterFile deadLetters,
    DrainStatus status,
    IOptions<DrainOptions> options,
    CenterMetrics metrics,
    SpoolTraceLinks traceLinks,
    ILogger<SpoolDrainer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Say, the spool's disk failed a read or the checkpoint write. Nothing is lost: start over from the
                // durable checkpoint (InfluxDB may see some lines twice, which it treats as the same points).
                status.Failed(ex.Message, DateTimeOffset.UtcNow);
                LogDrainRestarted(ex);
                await Task.Delay(RetryPause, stoppingToken);
            }
        }
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var next = spool.CheckpointOffset;
        var inflight = new Queue<(SpoolBatch Batch, Task Shipped)>();
        var shipped = new List<SpoolBatch>();
        void Fill()
        {
            while (inflight.Count < settings.Concurrency && spool.Read(next, settings.MaxBatchBytes) is { } batch)
            {
                inflight.Enqueue((batch, ShipBatchAsync(batch, stoppingToken)));
                next = batch.Next;
            }
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Fill();
                if (inflight.Count == 0)
                {
                    await spool.WaitForDataAsync(next, stoppingToken);

                    // A little patience turns a trickle of small requests into one write.
                    await Task.Delay(settings.Linger, stoppingToken);
                    continue;
                }

                // The oldest batch, then every later one already written: the checkpoint only moves over a prefix.
                await inflight.Peek().Shipped;
                while (inflight.Count > 0 && inflight.Peek().Shipped.IsCompleted)
                {
                    var (batch, task) = inflight.Dequeue();
                    shipped.Add(batch);
                    await task;
                }

                // InfluxDB gets the next batches before the checkpoint's fsync, and one fsync covers them all.
                Fill();
                var points = shipped.Sum(b => b.Points);
                spool.Checkpoint(shipped[^1].Next, points);
                status.Shipped(points, DateTimeOffset.UtcNow);
                metrics.Drained(points);
                shipped.ForEach(b => b.Dispose());
                shipped.Clear();
            }
        }
        finally
        {
            // Batches still in flight are abandoned with the loop; let their writes finish before their buffers go back.
            shipped.ForEach(b => b.Dispose());
            foreach (var (batch, task) in inflight)
            {
                await task.ContinueWith(_ => batch.Dispose(), TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Ships a batch under its own span (a root: a batch carries many writes), linked to the traced writes whose
    /// records it holds; the InfluxDB HTTP calls are its children.
    /// </summary>
    private async Task ShipBatchAsync(SpoolBatch batch, CancellationToken ct)
    {
        var links = traceLinks.Take(batch.Next);
        using var activity = CenterActivity.Source.StartActivity("drain.batch", ActivityKind.Internal, default(ActivityContext), links: links);
        activity?.SetTag("oc.points", batch.Points);
        activity?.SetTag("oc.bytes", batch.Payload.Length);
        activity?.SetTag("oc.spool.from", batch.From);
        await ShipAsync(batch.Payload, ct);
    }

    /// <summary>Writes a chunk until InfluxDB has it or has refused each of its bad lines for good.</summary>
    private async Task ShipAsync(ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var writer = await influx.WriterAsync(ct);
                await influx.Pipeline.ExecuteAsync(static async (state, token) =>
                    await state.writer.WriteAsync(state.chunk, token), (writer, chunk), ct);
                return;
            }
            catch (InfluxWriteException refused) when (refused.Permanent)
            {
                await IsolateRefusedAsync(chunk, refused.Message, ct);
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                status.Failed(ex.Message, DateTimeOffset.UtcNow);
                metrics.DrainFailed();
                Activity.Current?.AddEvent(new ActivityEvent("influx.write.failed", tags: new ActivityTagsCollection { ["error"] = ex.Message }));
                LogShipFailed(ex.Message);
                await Task.Delay(RetryPause, ct);
            }
        }
    }

    /// <summary>Halves a refused chunk until single lines remain; those go to the dead-letter file.</summary>
    private async Task IsolateRefusedAsync(ReadOnlyMemory<byte> chunk, string reason, CancellationToken ct)
    {
        var middle = MiddleLineBreak(chunk.Span);
        if (middle < 0)
        {
            deadLetters.Add(chunk.Span, reason, 1);
            LogDeadLetter(reason);
            return;
        }

        // Rewriting lines InfluxDB already took is harmless: the same series and time overwrite.
        await ShipAsync(chunk[..(middle + 1)], ct);
        await ShipAsync(chunk[(middle + 1)..], ct);
    }

    /// <summary>The line break nearest the middle that is not the final one; -1 for a single line.</summary>
    private static int MiddleLineBreak(ReadOnlySpan<byte> chunk)
    {
        var body = chunk.Length > 0 && chunk[^1] == (byte)'\n' ? chunk[..^1] : chunk;
        var half = body.Length / 2;
        var after = body[half..].IndexOf((byte)'\n');
        if (after >= 0)
        {
            return half + after;
        }

        return body[..half].LastIndexOf((byte)'\n');
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The drain stopped on an error and starts again from the checkpoint")]
    private partial void LogDrainRestarted(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write to InfluxDB, will retry: {Error}")]
    private partial void LogShipFailed(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "InfluxDB refused a line for good; it went to the dead-letter file: {Reason}")]
    private partial void LogDeadLetter(string reason);
}
