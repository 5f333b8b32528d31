using System.Threading.RateLimiting;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// A request body read in full and a processing slot taken after it, in that order: a slow link holds only its own
/// bytes while it sends, never one of the slots every department's writes need. Dispose to give both back.
/// </summary>
internal sealed class AdmittedBody : IDisposable
{
    private readonly RateLimitLease? _slot;

    private AdmittedBody(RequestBody body, RateLimitLease? slot)
    {
        Body = body;
        _slot = slot;
    }

    /// <summary>The body.</summary>
    public RequestBody Body { get; }

    /// <summary>Reads the body, then waits for a slot; returns the answer to send instead when either is refused.</summary>
    public static async Task<(AdmittedBody? Admitted, IResult? Refused)> AdmitAsync(
        HttpContext context, IngestDialect dialect, string department, IngestOptions options, CancellationToken ct)
    {
        var limiters = context.RequestServices.GetRequiredService<IngestLimiters>();
        var (body, failure) = await RequestBody.ReadAsync(context.Request, options, limiters.Bodies, ct);
        if (failure is not null)
        {
            return (null, failure.Refusal is { } refusal
                ? IngestErrors.TooMany(context, dialect, refusal, department, TimeSpan.FromSeconds(1), options)
                : IngestErrors.Error(dialect, failure.StatusCode, failure.Code, failure.Message));
        }

        RateLimitLease? slot;
        try
        {
            slot = await limiters.ProcessingSlotAsync(ct);
        }
        catch
        {
            // The client went away while waiting (or the server is stopping): its bytes go back to the budget.
            body!.Dispose();
            throw;
        }

        if (slot is { IsAcquired: false })
        {
            slot.Dispose();
            body!.Dispose();
            return (null, IngestErrors.TooMany(context, dialect, IngestRefusal.InFlight, department, TimeSpan.FromSeconds(1), options));
        }

        return (new AdmittedBody(body!, slot), null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Body.Dispose();
        _slot?.Dispose();
    }
}
