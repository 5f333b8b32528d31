using OperationsCenter.Grains.Silences;

namespace OperationsCenter.Server.Silences;

/// <summary>A silence with its status now: <c>pending</c>, <c>active</c> or <c>expired</c>.</summary>
public sealed record SilenceView(Silence Silence, string Status)
{
    /// <summary>The silence as of <paramref name="now"/>.</summary>
    public static SilenceView At(Silence silence, DateTimeOffset now) => new(
        silence,
        now < silence.StartsAt ? "pending" : now < silence.EndsAt ? "active" : "expired");
}
