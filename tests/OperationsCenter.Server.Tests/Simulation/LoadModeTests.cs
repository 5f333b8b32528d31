using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Catalog;
using OperationsCenter.Simulator;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Simulation;

/// <summary>
/// The simulator's <c>--rate</c> load mode (which the end-to-end benchmarks reuse) against a real server, as
/// Program.cs wires it: the catalog's units with their demo keys. It offers the asked rate over the asked number of
/// series and the center accepts every request.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class LoadModeTests
{
    [Fact]
    public async Task Rate_mode_offers_about_the_asked_rate_over_the_asked_series_and_nothing_is_refused()
    {
        var options = SimulatorOptions.Parse(["--rate", "2000", "--series", "150"]);
        var catalog = CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml"));
        await using var host = await CenterHost.StartAsync(SimulatedFeedTests.DemoSettings(catalog));
        using var http = host.CreateClient();
        using var api = await host.CreateClientAsync(TestUsers.Operator);
        var errors = new StringWriter();
        var sender = new FeedSender(http, errors);
        var feed = new LoadFeed(sender, [.. catalog.Departments.Select(d => d.Id)], options.Rate, options.Series);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var clock = Stopwatch.StartNew();
        await feed.RunAsync(stop.Token);
        var rate = feed.Sent / clock.Elapsed.TotalSeconds;

        Assert.True(sender.Failures == 0, $"expected every load request accepted; {sender.Failures} refused, e.g. {sender.LastFailure}");
        Assert.True(
            rate > options.Rate * 0.8 && rate < options.Rate * 1.1,
            $"expected about {options.Rate} points/s over 4 s, offered {rate:F0} points/s ({feed.Sent} points in {clock.Elapsed.TotalSeconds:F1} s)");

        // The center holds every point (no InfluxDB in this test, so all of them wait in the spool) in exactly the asked series.
        var health = await Health.ReadAsync(http);
        var held = health.GetProperty("spool").GetProperty("backlogPoints").GetInt64();
        Assert.True(held == feed.Sent, $"expected the center to hold the {feed.Sent} points sent, its spool holds {held}");
        var series = await api.GetFromJsonAsync<JsonElement>($"/api/v1/series?measurement={LoadLines.Measurement}");
        Assert.True(
            series.GetArrayLength() == options.Series,
            $"expected {options.Series} series of {LoadLines.Measurement} on the center, got {series.GetArrayLength()}");
    }
}
