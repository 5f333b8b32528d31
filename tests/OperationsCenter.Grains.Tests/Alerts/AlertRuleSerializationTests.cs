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
}
