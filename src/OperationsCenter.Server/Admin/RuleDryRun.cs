using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Overview;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.Admin;

/// <summary>
/// "What would fire now with these rules": asks every department and series partition grain to judge the rules on its live
/// state with evaluators of its own (the same code the alerts use), so nothing reaches an alert, a person or a store.
/// </summary>
internal sealed class RuleDryRun(IGrainFactory grains, IOptions<SeriesPartitions> partitions, TimeProvider time)
{
    /// <summary>Judges <paramref name="rules"/> (of <paramref name="file"/>) on every series and department now.</summary>
    public async Task<DryRunResult> RunAsync(string file, ImmutableArray<AlertRule> rules)
    {
        var departments = (await grains.GetGrain<IOverviewGrain>(0).GetSnapshot()).Departments.Select(d => d.Id).ToList();
        var keys = (await Task.WhenAll(departments.Select(d => grains.GetGrain<IDepartmentGrain>(d).GetSeriesKeys()))).SelectMany(k => k).Distinct().ToList();
        var signals = (await Task.WhenAll(
                departments.SelectMany(d => partitions.Value.All(grains, d)).Select(p => p.DryRun(rules))
                    .Concat(departments.Select(d => grains.GetGrain<IDepartmentGrain>(d).DryRun(rules)))))
            .SelectMany(s => s)
            .ToLookup(s => s.RuleName, StringComparer.Ordinal);

        var judged = rules.Select(rule =>
        {
            var ofRule = signals[rule.Name].ToList();
            var breached = ofRule
                .Where(s => s.Condition == AlertCondition.Breached)
                .Select(s => new DryRunHit(s.Labels.GetValueOrDefault(SeriesMatcher.DepartmentTag), s.Labels, s.Value, s.Measure, s.TitleVi, s.TitleEn))
                .OrderBy(h => h.Department, StringComparer.Ordinal)
                .ThenBy(h => string.Join(",", h.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)), StringComparer.Ordinal)
                .ToList();
            return new DryRunRule(
                rule.Name, Camel(rule.Kind.ToString()), Camel(rule.Severity.ToString()), rule.Owner, rule.For.TotalSeconds, ofRule.Count, breached);
        }).ToList();
        return new DryRunResult(file, time.GetUtcNow(), keys.Count, judged);
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
