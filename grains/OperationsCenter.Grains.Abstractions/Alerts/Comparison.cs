namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// The test a threshold, window, rate or ratio rule applies to its value, with hysteresis: a value past
/// <see cref="Threshold"/> breaks the rule; once firing, the alert resolves only at or past <see cref="Clear"/>.
/// </summary>
/// <param name="Operator">Which side of the threshold breaks the rule.</param>
/// <param name="Threshold">Breaking point (strict: a value equal to it does not break the rule).</param>
/// <param name="Clear">
/// Resolving point, on the quiet side of (or equal to) the threshold. Equal to the threshold means no hysteresis.
/// </param>
[GenerateSerializer, Immutable]
public sealed record Comparison(
    [property: Id(0)] ThresholdOperator Operator,
    [property: Id(1)] double Threshold,
    [property: Id(2)] double Clear)
{
    /// <summary>Whether <paramref name="value"/> breaks the rule (strictly past the threshold).</summary>
    public bool IsBreached(double value) => Operator == ThresholdOperator.Above ? value > Threshold : value < Threshold;

    /// <summary>Whether <paramref name="value"/> lets a firing alert resolve (at or past the clear point).</summary>
    public bool IsCleared(double value) => Operator == ThresholdOperator.Above ? value <= Clear : value >= Clear;
}
