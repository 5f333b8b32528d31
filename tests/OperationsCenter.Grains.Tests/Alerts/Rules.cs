using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Tests.Alerts;

/// <summary>Rules as the loader would build them, one per kind.</summary>
internal static class Rules
{
    public static AlertRule Threshold(ThresholdOperator op, double threshold, double? clear = null, TimeSpan @for = default) =>
        Base(RuleKind.Threshold) with { Comparison = new Comparison(op, threshold, clear ?? threshold), For = @for };

    public static AlertRule Window(WindowAggregate aggregate, TimeSpan window, ThresholdOperator op, double threshold, double? clear = null) =>
        Base(RuleKind.Window) with { Aggregate = aggregate, Window = window, Comparison = new Comparison(op, threshold, clear ?? threshold) };

    public static AlertRule Rate(RateMode mode, TimeSpan window, ThresholdOperator op, double threshold, double? clear = null) =>
        Base(RuleKind.Rate) with { RateMode = mode, Window = window, Comparison = new Comparison(op, threshold, clear ?? threshold) };

    public static AlertRule Ratio(string numerator, string denominator, ThresholdOperator op, double threshold, double? clear = null) =>
        Base(RuleKind.Ratio) with
        {
            Numerator = numerator,
            Denominator = denominator,
            Comparison = new Comparison(op, threshold, clear ?? threshold),
        };

    public static AlertRule Base(RuleKind kind) => new(
        $"test-{kind.ToString().ToLowerInvariant()}",
        kind,
        new SeriesMatcher("dossiers", "*", ImmutableDictionary<string, string>.Empty),
        AlertSeverity.Warning,
        "trung-tam-phvhcc",
        new LocalizedText("Tiêu đề", "Title"),
        new LocalizedText("Mô tả", "Description"));
}
