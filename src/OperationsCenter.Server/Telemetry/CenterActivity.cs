using System.Diagnostics;

namespace OperationsCenter.Server.Telemetry;

/// <summary>
/// The center's spans (ActivitySource <c>OperationsCenter</c>): <c>ingest.prepare</c> and <c>spool.append</c> inside
/// the write's HTTP request span, then <c>drain.batch</c> (linked to the writes whose points it carries) with the
/// InfluxDB HTTP call under it, so one write can be followed from its request to InfluxDB.
/// </summary>
internal static class CenterActivity
{
    /// <summary>The source's name, for the OpenTelemetry SDK.</summary>
    public const string SourceName = "OperationsCenter";

    /// <summary>The source.</summary>
    public static readonly ActivitySource Source = new(SourceName);
}

/// <summary>
/// Which traced writes each spool record came from, kept in memory (the spool itself holds only line protocol) so a
/// drain batch can link to them. Bounded: when tracing is on and the drain lags far behind, the oldest are forgotten
/// (their batches are then simply not linked). Only sampled writes are remembered; with tracing off it stays empty.
/// </summary>
internal sealed class SpoolTraceLinks
{
    private const int Capacity = 4096;

    /// <summary>At most this many writes are linked from one batch.</summary>
    public const int MaxLinksPerBatch = 64;

    private readonly Lock _gate = new();
    private readonly PriorityQueue<ActivityContext, long> _records = new();

    /// <summary>Remembers that the record ending at <paramref name="end"/> was appended within <paramref name="context"/>.</summary>
    public void Appended(long end, ActivityContext context)
    {
        lock (_gate)
        {
            if (_records.Count == Capacity)
            {
                _records.Dequeue(); // the earliest record: its batch is the likeliest to be gone already
            }

            _records.Enqueue(context, end);
        }
    }

    /// <summary>Takes the writes of the records up to <paramref name="next"/> (a batch's end); older ones are dropped.</summary>
    public List<ActivityLink>? Take(long next)
    {
        lock (_gate)
        {
            if (_records.Count == 0)
            {
                return null;
            }

            List<ActivityLink>? links = null;
            while (_records.TryPeek(out var context, out var end) && end <= next)
            {
                _records.Dequeue();
                if ((links ??= []).Count < MaxLinksPerBatch)
                {
                    links.Add(new ActivityLink(context));
                }
            }

            return links;
        }
    }
}
