using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Admin;

/// <summary>One series or unit a rule finds breached now: where, the value, and the alert's title as it would read.</summary>
/// <param name="Department">The unit (the <c>department</c> label), when the series has one.</param>
/// <param name="Labels">The alert's labels (measurement, field, tags).</param>
/// <param name="Value">The value that breached (minutes silent for a deadman rule); null for a deadline.</param>
/// <param name="Measure">What the value is measured against.</param>
/// <param name="TitleVi">The alert's title, Vietnamese.</param>
/// <param name="TitleEn">The alert's title, English.</param>
public sealed record DryRunHit(
    string? Department, ImmutableDictionary<string, string> Labels, double? Value, AlertMeasure? Measure, string TitleVi, string TitleEn);
