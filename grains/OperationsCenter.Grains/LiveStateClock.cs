namespace OperationsCenter.Grains;

/// <summary>
/// The clock live state reads "now" from (freshness, window edges, receive times). A type of its own so tests can
/// fake it without handing Orleans' runtime, which resolves <see cref="TimeProvider"/> too, a frozen clock.
/// </summary>
public sealed class LiveStateClock(TimeProvider time)
{
    /// <summary>The current instant.</summary>
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
