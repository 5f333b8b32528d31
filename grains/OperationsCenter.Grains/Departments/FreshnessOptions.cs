namespace OperationsCenter.Grains.Departments;

/// <summary>When a department counts as late or silent (<c>OperationsCenter:Freshness</c>).</summary>
public sealed class FreshnessOptions
{
    /// <summary>No point for this long: late.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>No point for this long: silent.</summary>
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a department re-checks its freshness and reports to the overview.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The freshness of a department last seen at <paramref name="lastSeen"/>.</summary>
    public Freshness Classify(DateTimeOffset? lastSeen, DateTimeOffset now) => lastSeen switch
    {
        null => Freshness.Silent,
        var seen when now - seen.Value >= SilentAfter => Freshness.Silent,
        var seen when now - seen.Value >= LateAfter => Freshness.Late,
        _ => Freshness.Fresh,
    };
}
