using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using OperationsCenter.Catalog;
using OperationsCenter.Server.Security;
using OperationsCenter.Server.Tests.Alerts;
using OperationsCenter.Simulator;
using OperationsCenter.Simulator.Province;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Simulation;

/// <summary>
/// The simulator's feed against a real server with the demo rules: every report accepted, and each incident the demo
/// stages trips its rule, which resolves when the incident ends. The rules are rules/demo.yaml with their `for` and
/// `silence` delays shortened 15×, and the feed reports every 250 ms, so this takes seconds, not minutes.
/// </summary>
public sealed partial class SimulatedFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Simulated_feeds_are_accepted_without_errors_and_each_demo_rule_fires_and_resolves()
    {
        var catalog = CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml"));
        using var rules = await RulesFolder.CreateAsync("demo.yaml", Shortened(await File.ReadAllTextAsync(Checkout.PathOf("rules/demo.yaml"))));
        await using var host = await CenterHost.StartAsync(rules.Settings(DemoSettings(catalog)));
        using var http = host.CreateClient();
        using var wall = await host.CreateClientAsync(TestUsers.Operator);
        var errors = new StringWriter();
        var sender = new FeedSender(http, errors);

        // A Tuesday morning in Lai Châu, moving on a round per round.
        var province = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(7))) { AutoAdvanceAmount = Interval };
        var incidents = new IncidentSchedule(catalog.Departments, TimeSpan.Zero, TimeSpan.Zero, Interval, seed: 7);
        // The overdue spike comes after 16 s: a rate compares with the oldest 10-second bucket of its window, which
        // must hold the level before the spike.
        (IncidentKind Kind, string Department, string Rule, int Start, int Rounds)[] staged =
        [
            (IncidentKind.Silence, "xa-muong-kim", "commune-silent", 8, 60),
            (IncidentKind.OverdueSpike, "xa-ban-bo", "overdue-dossiers-rising", 64, 40),
            (IncidentKind.OnlineShareDrop, "phuong-tan-phong", "online-service-share-low", 8, 40),
            (IncidentKind.LinkDown, "so-noi-vu", "network-link-down", 8, 40),
        ];
        foreach (var (kind, department, _, start, rounds) in staged)
        {
            incidents.Force(new Incident(kind, department, start, start + rounds));
        }

        var feed = new DemoFeed(sender, new ProvinceModel(catalog, seed: 20251101, province.GetUtcNow()), incidents, province, Interval);
        using var stop = new CancellationTokenSource();
        var running = feed.RunAsync(stop.Token);

        // Every staged rule fired and resolved, and at least a minute of the demo's traffic went out (30 rounds of 2 s).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement alerts;
        while (true)
        {
            alerts = await wall.GetFromJsonAsync<JsonElement>("/api/v1/alerts");
            var done = staged.All(s => FiredAndResolved(alerts, s.Rule, s.Department)) && feed.Rounds >= 30;
            if (done || running.IsCompleted || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(200);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var missing = staged.Where(s => !FiredAndResolved(alerts, s.Rule, s.Department)).Select(s => $"{s.Rule} at {s.Department}").ToList();
        Assert.True(missing.Count == 0, $"expected each staged rule to fire and resolve within 90 s; missing {string.Join(", ", missing)}; /api/v1/alerts: {alerts}");
        Assert.True(sender.Failures == 0, $"expected every report accepted; {sender.Failures} refused, e.g. {sender.LastFailure}");
        Assert.True(sender.Accepted >= 30 * 49, $"expected at least 30 rounds of reports, got {sender.Accepted} requests");

        // The feed's everyday noise trips nothing: the only alerts are the staged ones.
        var raised = alerts.EnumerateArray().Select(a => (Rule: a.GetProperty("ruleName").GetString(), Department: Department(a))).Distinct().ToList();
        Assert.True(raised.Count == staged.Length, $"expected only the staged alerts, got {string.Join(", ", raised)}");

        // Titles name the unit as people know it, not by its id.
        var silent = alerts.EnumerateArray().First(a => a.GetProperty("ruleName").GetString() == "commune-silent");
        Assert.Equal("xã Mường Kim mất kết nối", silent.GetProperty("titleVi").GetString());
    }

    [Fact]
    public void Every_field_the_simulator_sends_is_a_catalog_metric()
    {
        var catalog = CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml"));
        var model = new ProvinceModel(catalog, seed: 1, new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(7)));

        var lines = model.Round(0, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(2), []).SelectMany(b => b.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();

        var sent = lines.SelectMany(line =>
        {
            var parts = line.Split(' ');
            var measurement = parts[0].Split(',')[0];
            return parts[1].Split(',').Select(f => $"{measurement}.{f.Split('=')[0]}");
        }).ToHashSet();
        Assert.Empty(sent.Except(catalog.Metrics.Select(m => m.Id)));
        Assert.Empty(catalog.Metrics.Select(m => m.Id).Except(sent));
    }

    /// <summary>The demo's settings for the catalog: its departments, each with the demo key's hash.</summary>
    internal static Dictionary<string, string?> DemoSettings(ProvinceCatalog catalog)
    {
        var settings = CenterHost.WithoutDepartmentList();
        for (var i = 0; i < catalog.Departments.Length; i++)
        {
            settings[$"OperationsCenter:DepartmentKeys:{i}:Department"] = catalog.Departments[i].Id;
            settings[$"OperationsCenter:DepartmentKeys:{i}:Sha256"] = DepartmentKeyResolver.Hash(DemoKeys.For(catalog.Departments[i].Id));
        }

        return settings;
    }

    /// <summary>The rules with every `for` and `silence` delay shortened 15× (at least 1 s).</summary>
    private static string Shortened(string yaml) =>
        Delay().Replace(yaml, m =>
        {
            var seconds = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) * (m.Groups["u"].Value == "m" ? 60 : 1);
            return $"{m.Groups["key"].Value}: {Math.Max(1, seconds / 15)}s";
        });

    private static bool FiredAndResolved(JsonElement alerts, string rule, string department) =>
        alerts.EnumerateArray().Any(a =>
            a.GetProperty("ruleName").GetString() == rule && Department(a) == department
            && a.GetProperty("state").GetString() == "resolved" && a.GetProperty("firingSince").ValueKind == JsonValueKind.String);

    private static string? Department(JsonElement alert) =>
        alert.GetProperty("labels").TryGetProperty("department", out var department) ? department.GetString() : null;

    [GeneratedRegex(@"(?<key>\bfor|\bsilence): (?<n>\d+)(?<u>[ms])\b")]
    private static partial Regex Delay();
}
