namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// What an alert's value is measured against, as its rule said when the value was taken: lets a screen show "88 of
/// 95" or how far past the threshold it is without reading the rule files.
/// <list type="table">
/// <item><term>Threshold, Window, Rate, Ratio</term><description>The rule's comparison: operator, threshold, clear.</description></item>
/// <item><term>Deadman</term><description>The value is minutes silent: <see cref="ThresholdOperator.Above"/>, the silence limit in minutes (silent that long breaks it), no clear (a report clears it).</description></item>
/// <item><term>Deadline</term><description>Only the kind: a missed deadline has no threshold.</description></item>
/// </list>
/// </summary>
/// <param name="Kind">The rule's kind.</param>
/// <param name="Operator">Which side of the threshold breaks the rule; null for deadline rules.</param>
/// <param name="Threshold">Breaking point in the value's unit (strict for comparisons); null for deadline rules.</param>
/// <param name="Clear">The point a firing alert resolves at; null for deadman and deadline rules.</param>
[GenerateSerializer, Immutable]
public sealed record AlertMeasure(
    [property: Id(0)] RuleKind Kind,
    [property: Id(1)] ThresholdOperator? Operator,
    [property: Id(2)] double? Threshold,
    [property: Id(3)] double? Clear)
{
    /// <summary>The measure of <paramref name="rule"/> as it is now.</summary>
    public static AlertMeasure Of(AlertRule rule) => rule switch
    {
        { Kind: RuleKind.Deadman, Silence: { } silence } => new(rule.Kind, ThresholdOperator.Above, silence.TotalMinutes, null),
        { Comparison: { } c } => new(rule.Kind, c.Operator, c.Threshold, c.Clear),
        _ => new(rule.Kind, null, null, null),
    };
}
