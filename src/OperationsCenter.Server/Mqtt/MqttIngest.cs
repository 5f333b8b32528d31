using System.Buffers;
using System.Globalization;
using Microsoft.Extensions.Options;
using OperationsCenter.Server.Ingest;
using OperationsCenter.TimeSeries.LineProtocol;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Mqtt;

/// <summary>What became of one MQTT message.</summary>
internal enum MqttOutcomeKind
{
    /// <summary>Every line is durable in the spool (or the message held none).</summary>
    Stored,

    /// <summary>Some lines were refused; the valid ones are durable.</summary>
    Partial,

    /// <summary>Every line names another department: nothing stored.</summary>
    Foreign,

    /// <summary>Refused whole for good (not JSON at all): nothing stored, sending it again will not help.</summary>
    Refused,

    /// <summary>Refused whole for good, past a size limit (bytes, lines): nothing stored, it must be split.</summary>
    TooLarge,

    /// <summary>Refused whole for now (the department's rate or requests in flight, the center's slots): nothing stored, send again later.</summary>
    Busy,

    /// <summary>The spool is at its limit or its disk is full: nothing stored, send again later.</summary>
    SpoolFull,

    /// <summary>The center could not take it (stopping, an unexpected failure): nothing stored, send again.</summary>
    Unavailable,
}

/// <summary>What became of one MQTT message, and what to tell an MQTT 5 client.</summary>
/// <param name="Kind">The outcome.</param>
/// <param name="Accepted">Points made durable.</param>
/// <param name="Reason">The first problem and what to fix, for the PUBACK's reason string; null when all is well.</param>
internal sealed record MqttOutcome(MqttOutcomeKind Kind, int Accepted, string? Reason)
{
    /// <summary>True when the message may be acknowledged as received: everything that will ever be stored of it is durable.</summary>
    public bool Settled => Kind is not (MqttOutcomeKind.Busy or MqttOutcomeKind.SpoolFull or MqttOutcomeKind.Unavailable);
}

/// <summary>
/// Takes one MQTT message for a department through the same ingest path as the HTTP endpoints: the same limits (body
/// bytes, lines per request, the department's rate and requests in flight, the center's processing slots and body
/// budget), the same parse and department rule (<see cref="LineIngestor"/>, the JSON feed through
/// <see cref="FeedConverter"/>), into the spool, durably, before it returns.
/// </summary>
internal sealed class MqttIngest(
    LineIngestor ingestor, FieldTypeRegistry fieldTypes, IngestLimiters limiters, IOptions<IngestOptions> options,
    MqttRefusals refusals, ILogger<MqttIngest> logger)
{
    /// <summary>Longest reason string sent back: a PUBACK is small, the first problem is what the sender needs.</summary>
    private const int MaxReasonChars = 600;

    private readonly IngestOptions _options = options.Value;

    /// <summary>True when the message is the JSON feed: a topic ending in <c>/json</c>, or a payload starting with <c>{</c> or <c>[</c>.</summary>
    public static bool IsJson(string topic, ReadOnlySpan<byte> payload)
    {
        if (topic.EndsWith("/json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var start = payload.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && payload[start] is (byte)'{' or (byte)'[';
    }

    /// <summary>Ingests <paramref name="payload"/> for <paramref name="department"/>; completes once the accepted points are durable.</summary>
    public async Task<MqttOutcome> IngestAsync(string department, string topic, ReadOnlySequence<byte> payload, CancellationToken ct)
    {
        var outcome = await IngestCoreAsync(department, topic, payload, ct);
        if (outcome.Kind is MqttOutcomeKind.Stored or MqttOutcomeKind.Partial)
        {
            refusals.Stored(outcome.Accepted);
        }

        return outcome;
    }

    private async Task<MqttOutcome> IngestCoreAsync(string department, string topic, ReadOnlySequence<byte> payload, CancellationToken ct)
    {
        if (payload.Length > _options.MaxBodyBytes)
        {
            return Refuse(department, MqttOutcomeKind.TooLarge, 1, string.Create(CultureInfo.InvariantCulture,
                $"message of {payload.Length} bytes is over the limit of {_options.MaxBodyBytes} bytes (OperationsCenter:Ingest:MaxBodyBytes); nothing of it was stored: send smaller messages"));
        }

        // The department's own limits first, as HTTP does before the body: its messages in flight (they do not wait) and its rate.
        System.Threading.RateLimiting.RateLimiter? chain = null;
        System.Threading.RateLimiting.RateLimitLease? lease = null;
        try
        {
            if (limiters.AnyLimit)
            {
                chain = limiters.For(department);
                lease = chain.AttemptAcquire(1);
                if (!lease.IsAcquired)
                {
                    var wait = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                    return Busy(department, IngestLimiters.Why(lease), wait);
                }
            }

            // The bytes the message holds count against the center's budget of bodies, as an HTTP body's do.
            var length = (int)payload.Length;
            if (!limiters.Bodies.TryTake(length))
            {
                return Busy(department, IngestRefusal.Bytes, TimeSpan.FromSeconds(1));
            }

            try
            {
                var slot = await limiters.ProcessingSlotAsync(ct);
                try
                {
                    if (slot is { IsAcquired: false })
                    {
                        return Busy(department, IngestRefusal.InFlight, TimeSpan.FromSeconds(1));
                    }

                    var body = payload.IsSingleSegment ? payload.First : payload.ToArray();
                    return IsJson(topic, body.Span)
                        ? await FeedAsync(department, body, ct)
                        : await LinesAsync(department, body);
                }
                finally
                {
                    slot?.Dispose();
                }
            }
            finally
            {
                limiters.Bodies.Give(length);
            }
        }
        catch (SpoolFullException full)
        {
            return Refuse(department, MqttOutcomeKind.SpoolFull, 1, (full.DiskFull
                ? "the center's disk is full"
                : "the center holds too many points not yet stored in InfluxDB (OperationsCenter:Spool:MaxBytes)") +
                $"; nothing of this message was stored, send it again after {IngestErrors.RetryAfterSeconds} seconds");
        }
        catch (ObjectDisposedException)
        {
            return Refuse(department, MqttOutcomeKind.Unavailable, 1, "the center is stopping; nothing of this message was stored, send it again");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reference = Guid.NewGuid().ToString("N")[..12];
            logger.LogError(ex, "MQTT message of department {Department} failed (reference {Reference})", department, reference);
            return Refuse(department, MqttOutcomeKind.Unavailable, 1,
                $"the center failed to process this message (reference {reference}); nothing of it may be stored: send it again");
        }
        finally
        {
            lease?.Dispose();
            chain?.Dispose();
        }
    }

    private async Task<MqttOutcome> LinesAsync(string department, ReadOnlyMemory<byte> body)
    {
        var result = await ingestor.IngestAsync(body, Precision.Nanoseconds, department, Telemetry.IngestDialectTag.Mqtt);
        if (result.TooManyLines)
        {
            return TooManyLines(department, "lines");
        }

        return Result(department, result, line => $"line {line}");
    }

    private async Task<MqttOutcome> FeedAsync(string department, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var feed = FeedConverter.Convert(body, fieldTypes);
        if (feed.FatalError is { } fatal)
        {
            return Refuse(department, MqttOutcomeKind.Refused, 1, fatal);
        }

        if (feed.PointIndexOfLine.Count + feed.Problems.Count > _options.Limits.MaxLinesPerRequest)
        {
            return TooManyLines(department, "points");
        }

        ct.ThrowIfCancellationRequested();
        var result = await ingestor.IngestAsync(feed.Points, department, Telemetry.IngestDialectTag.Mqtt);

        // Converted points map back to the points or rows the sender numbered.
        var problems = feed.Problems.Concat(result.Problems.Select(p => p with { Line = feed.PointIndexOfLine[p.Line - 1] }))
            .OrderBy(p => p.Line).ToList();
        return Result(department, new IngestResult(result.Accepted, problems), index => $"points[{index}]");
    }

    private MqttOutcome Result(string department, IngestResult result, Func<int, string> where)
    {
        if (result.Problems.Count == 0)
        {
            return new MqttOutcome(MqttOutcomeKind.Stored, result.Accepted, null);
        }

        var first = result.Problems[0];
        var kind = result.WhollyForeign ? MqttOutcomeKind.Foreign : MqttOutcomeKind.Partial;
        var summary = result.WhollyForeign
            ? $"every line belongs to another department; {where(first.Line)}: {first.Message}"
            : $"partial write: {result.Accepted} accepted, {result.Problems.Count} rejected; {where(first.Line)}: {first.Message}" +
              (result.Problems.Count > 1 ? $" (and {result.Problems.Count - 1} more; see /health)" : "");
        var outcome = Refuse(department, kind, result.Problems.Count, summary);
        return outcome with { Accepted = result.Accepted };
    }

    private MqttOutcome TooManyLines(string department, string what) => Refuse(department, MqttOutcomeKind.TooLarge, 1,
        $"message has more than {_options.Limits.MaxLinesPerRequest} {what}, the limit per message " +
        "(OperationsCenter:Ingest:Limits:MaxLinesPerRequest); nothing of it was stored: split it into smaller messages");

    private MqttOutcome Busy(string department, IngestRefusal why, TimeSpan wait)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        var rate = _options.RateLimit;
        var concurrency = _options.Concurrency;
        var reason = why switch
        {
            IngestRefusal.Rate => $"too many messages for department \"{department}\": the limit is {rate.RequestsPerSecond} per second " +
                                  $"with bursts of {Math.Max(1, rate.Burst)} (OperationsCenter:Ingest:RateLimit)",
            IngestRefusal.DepartmentInFlight => $"too many messages in flight for department \"{department}\": at most " +
                                                $"{concurrency.MaxRequestsPerDepartment} at once, its HTTP requests included; a message does not wait " +
                                                "(OperationsCenter:Ingest:Concurrency:MaxRequestsPerDepartment)",
            IngestRefusal.Bytes => "the center holds its limit of message and request bodies for all departments together " +
                                   "(OperationsCenter:Ingest:Concurrency:MaxBufferedBytes)",
            _ => $"too many ingest requests at once for all departments together (OperationsCenter:Ingest:Concurrency:MaxRequests)",
        };
        return Refuse(department, MqttOutcomeKind.Busy, 1, $"{reason}; nothing of this message was stored: send it again after {seconds} seconds");
    }

    private MqttOutcome Refuse(string department, MqttOutcomeKind kind, int count, string reason)
    {
        if (reason.Length > MaxReasonChars)
        {
            reason = reason[..(MaxReasonChars - 1)] + "…";
        }

        refusals.Refused(department, count, reason);
        return new MqttOutcome(kind, 0, reason);
    }
}
