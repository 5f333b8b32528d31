using System.Globalization;
using OperationsCenter.Grains.Alerts;
using YamlDotNet.RepresentationModel;
using Fields = System.Collections.Generic.Dictionary<string, OperationsCenter.Server.Alerts.Rules.YamlEntry>;

namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>The parameters of each rule kind.</summary>
internal sealed partial class RuleReader
{
    private AlertRule? WithComparison(AlertRule? rule, Fields fields, YamlMappingNode mapping, RuleKind kind)
    {
        var above = Number(fields, "above", mapping, required: false);
        var below = Number(fields, "below", mapping, required: false);
        var hasAbove = fields.ContainsKey("above");
        var hasBelow = fields.ContainsKey("below");
        if (hasAbove && hasBelow)
        {
            Error("below", "cannot be set together with above; a rule fires on one side of its threshold", fields["below"].Key);
        }
        else if (!hasAbove && !hasBelow)
        {
            Error("above", $"is missing; {Lower(kind)} rules need a threshold as above: N or below: N", mapping);
        }

        var clear = Number(fields, "clear", mapping, required: false);
        var @for = Duration(fields, "for", mapping, required: false, positive: false) ?? TimeSpan.Zero;

        var comparison = (above, below) switch
        {
            ({ } a, null) when !hasBelow => new Comparison(ThresholdOperator.Above, a, clear ?? a),
            (null, { } b) when !hasAbove => new Comparison(ThresholdOperator.Below, b, clear ?? b),
            _ => null,
        };

        if (comparison is not null && clear is { } c)
        {
            var side = comparison.Operator == ThresholdOperator.Above ? "above" : "below";
            var wrongSide = comparison.Operator == ThresholdOperator.Above ? c > comparison.Threshold : c < comparison.Threshold;
            if (wrongSide)
            {
                Error("clear", $"{Invariant(c)} is on the breaking side of the threshold {Invariant(comparison.Threshold)}; "
                    + $"a rule that fires {side} its threshold clears at or {(side == "above" ? "below" : "above")} it", fields["clear"].Value);
                comparison = null;
            }
        }

        return rule is not null && comparison is not null ? rule with { Comparison = comparison, For = @for } : null;
    }

    private AlertRule? WithWindow(AlertRule? rule, Fields fields, YamlMappingNode mapping)
    {
        var aggregate = Choice<WindowAggregate>(fields, "aggregate", mapping, required: true, "an aggregate");
        var window = Window(fields, mapping);
        rule = WithComparison(rule, fields, mapping, RuleKind.Window);
        return rule is not null && aggregate is not null && window is not null ? rule with { Aggregate = aggregate, Window = window } : null;
    }

    private AlertRule? WithRate(AlertRule? rule, Fields fields, YamlMappingNode mapping)
    {
        var mode = Choice<RateMode>(fields, "mode", mapping, required: false, "a rate mode") ?? RateMode.Absolute;
        var window = Window(fields, mapping);
        rule = WithComparison(rule, fields, mapping, RuleKind.Rate);
        return rule is not null && window is not null ? rule with { RateMode = mode, Window = window } : null;
    }

    private AlertRule? WithRatio(AlertRule? rule, Fields fields, YamlMappingNode mapping)
    {
        var numerator = FieldName(fields, "numerator", mapping, "the field on top, like resolved_on_time");
        var denominator = FieldName(fields, "denominator", mapping, "the field below, like received");
        rule = WithComparison(rule, fields, mapping, RuleKind.Ratio);
        return rule is not null && numerator is not null && denominator is not null
            ? rule with { Numerator = numerator, Denominator = denominator }
            : null;
    }

    private AlertRule? WithDeadman(AlertRule? rule, Fields fields, YamlMappingNode mapping)
    {
        var silence = Duration(fields, "silence", mapping, required: true, positive: true);
        var scope = Choice<RuleScope>(fields, "scope", mapping, required: false, "a scope") ?? RuleScope.Series;
        return rule is not null && silence is not null ? rule with { Silence = silence, Scope = scope } : null;
    }

    private AlertRule? WithDeadline(AlertRule? rule, Fields fields, YamlMappingNode mapping)
    {
        var scope = Choice<RuleScope>(fields, "scope", mapping, required: false, "a scope") ?? RuleScope.Series;
        const string Expected = "a mapping like { day: 5, at: \"17:00\", timezone: Asia/Ho_Chi_Minh }";
        if (Mapping(fields, "deadline", mapping, Expected) is not { } node)
        {
            return null;
        }

        var deadline = Entries(node, "deadline");
        CheckNested(deadline, "deadline", RuleFields.Deadline);

        int? day = null;
        if (Scalar(deadline, "deadline.day", "day", node, required: true, "a day of the month, 1 to 31") is { } dayText)
        {
            if (int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31)
            {
                day = d;
            }
            else
            {
                Error("deadline.day", $"\"{dayText}\" is not a day of the month; expected 1 to 31 (shorter months use their last day)", deadline["day"].Value);
            }
        }

        TimeSpan? at = null;
        if (Scalar(deadline, "deadline.at", "at", node, required: true, "a local time like \"17:00\"") is { } atText)
        {
            if (TimeOnly.TryParseExact(atText, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                at = time.ToTimeSpan();
            }
            else
            {
                Error("deadline.at", $"\"{atText}\" is not a time of day; expected HH:mm like \"17:00\"", deadline["at"].Value);
            }
        }

        var zone = Scalar(deadline, "deadline.timezone", "timezone", node, required: false, "an IANA time zone like Asia/Ho_Chi_Minh")
            ?? DeadlineSchedule.DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            Error("deadline.timezone", $"\"{zone}\" is not a known time zone; expected an IANA id like Asia/Ho_Chi_Minh",
                deadline.TryGetValue("timezone", out var entry) ? entry.Value : node);
            return null;
        }

        return rule is not null && day is { } dd && at is { } tt
            ? rule with { Deadline = new DeadlineSchedule(dd, tt, zone), Scope = scope }
            : null;
    }

    private TimeSpan? Window(Fields fields, YamlMappingNode mapping)
    {
        var window = Duration(fields, "window", mapping, required: true, positive: true);
        if (window is { } w && (w < MinWindow || w > MaxWindow))
        {
            Error("window", $"\"{RuleDurations.Format(w)}\" is outside the allowed range; expected 1m to 1h", fields["window"].Value);
            return null;
        }

        return window;
    }

    private string? FieldName(Fields fields, string key, YamlMappingNode mapping, string expected)
    {
        var name = Scalar(fields, key, key, mapping, required: true, expected);
        if (name is not null && !GlobPattern.IsLiteral(name))
        {
            Error(key, $"\"{name}\" is a pattern; expected an exact field name, {expected}", fields[key].Value);
            return null;
        }

        return name;
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
