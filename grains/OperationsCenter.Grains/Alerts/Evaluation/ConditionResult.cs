namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>What one evaluation of a rule's condition found.</summary>
/// <param name="HasData">False when there was nothing to judge (field missing, empty window, zero denominator).</param>
/// <param name="Value">The value judged; 0 without data.</param>
/// <param name="Breached">The value is past the threshold.</param>
/// <param name="Cleared">The value is at or past the clear point, so a firing alert may resolve.</param>
public readonly record struct ConditionResult(bool HasData, double Value, bool Breached, bool Cleared)
{
    /// <summary>Nothing to judge.</summary>
    public static ConditionResult NoData => default;

    /// <summary>The result of testing <paramref name="value"/> against <paramref name="comparison"/>.</summary>
    public static ConditionResult Of(double value, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return double.IsFinite(value)
            ? new ConditionResult(true, value, comparison.IsBreached(value), comparison.IsCleared(value))
            : NoData;
    }
}
