using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Tests.Alerts;

public sealed class AlertRuleSerializationTests
{
    [Fact]
    public void A_rule_survives_the_orleans_serializer()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var rule = Rules.Base(RuleKind.Deadline) with
        {
            Match = new SeriesMatcher("monthly_report", "*", ImmutableDictionary<string, string>.Empty.Add("department", "xa-*")),
            Deadline = new DeadlineSchedule(5, new TimeSpan(17, 0, 0), DeadlineSchedule.DefaultTimeZone),
            Scope = RuleScope.Department,
            Comparison = new Comparison(ThresholdOperator.Below, 0.8, 0.85),
            For = TimeSpan.FromMinutes(5),
            Window = TimeSpan.FromMinutes(15),
            RateMode = RateMode.Percent,
            Aggregate = WindowAggregate.Count,
            Numerator = "a",
            Denominator = "b",
            Silence = TimeSpan.FromMinutes(10),
            EscalateAfter = TimeSpan.FromMinutes(30),
            RepeatInterval = TimeSpan.FromHours(1),
        };

        var copy = serializer.Deserialize<AlertRule>(serializer.SerializeToArray(rule))!;

        Assert.Equal(rule with { Match = copy.Match }, copy);
        Assert.Equal(rule.Match.Tags, copy.Match.Tags);
        Assert.Equal((rule.Match.Measurement, rule.Match.Field), (copy.Match.Measurement, copy.Match.Field));
    }

    [Fact]
    public void A_stored_alert_with_its_measure_and_acknowledger_survives_the_orleans_serializer()
    {
        // Alert storage (TableGrainStorage, Redis or memory) keeps records in exactly this serialization.
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var at = new DateTimeOffset(2025, 11, 3, 9, 30, 0, TimeSpan.FromHours(7));
        var view = new AlertView(
            "0123456789abcdef", "network-uptime-low", AlertSeverity.Warning, AlertState.Acknowledged, "so-khcn",
            ImmutableDictionary<string, string>.Empty.Add("department", "xa-ban-bo"), "Tiêu đề", "Title", "Mô tả", "Description", 97.2,
            at, at, null, "operator.an", at.AddMinutes(1), "đã gọi VNPT", at.AddMinutes(1))
        {
            Measure = new AlertMeasure(RuleKind.Window, ThresholdOperator.Below, 98, 98.5),
            AcknowledgedByName = "Nguyễn Văn An",
            Revision = 4,
        };
        var record = new AlertRecord { View = view, Condition = AlertCondition.Breached, For = TimeSpan.FromMinutes(1) };

        var copy = serializer.Deserialize<AlertRecord>(serializer.SerializeToArray(record))!;

        // Labels compare by reference: checked apart.
        Assert.Equal(record, copy with { View = copy.View! with { Labels = view.Labels } });
        Assert.Equal(view.Labels, copy.View!.Labels);
        Assert.Equal((view.Measure, "Nguyễn Văn An"), (copy.View.Measure, copy.View.AcknowledgedByName));
        var deadline = new AlertMeasure(RuleKind.Deadline, null, null, null);
        Assert.Equal(deadline, serializer.Deserialize<AlertMeasure>(serializer.SerializeToArray(deadline)));
    }
}
