using System.Text.Json.Nodes;
using OperationsCenter.Grains.Alerts;
using static OperationsCenter.Server.Tests.Notifications.DispatcherHarness;

namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>Routes choose receivers as Alertmanager's do; a resolution follows its firing.</summary>
public sealed class WebhookRoutingTests
{
    private static readonly string[] Names = ["leaders", "xa", "catchall"];

    [Theory]
    [InlineData("xa-an-binh", AlertSeverity.Critical, new[] { "leaders", "xa" })]
    [InlineData("xa-an-binh", AlertSeverity.Warning, new[] { "xa" })]
    [InlineData("so-noi-vu", AlertSeverity.Warning, new[] { "catchall" })]
    [InlineData("so-noi-vu", AlertSeverity.Critical, new[] { "leaders", "catchall" })]
    public async Task Matchers_pick_the_receiver_and_continue_sends_to_more(string department, AlertSeverity severity, string[] expected)
    {
        await using var harness = await StartAsync(Names,
            ContinueRoute("leaders", ("severity", "critical")),
            Route("xa", ("department", "xa-*"), ("alertname", "overdue-*")),
            Route("catchall"));

        var delivery = await harness.Dispatcher.SendAsync(SampleAlerts.Firing(department: department, severity: severity), CancellationToken.None);

        Assert.Equal(expected, delivery.Receivers.Select(r => r.Receiver));
        Assert.All(delivery.Receivers, r => Assert.True(r.Delivered));
        Assert.Equal(expected.Select(n => "/" + n).Order(), harness.Receivers.Requests.Select(r => r.Path).Order());
        foreach (var request in harness.Receivers.Requests)
        {
            var body = JsonNode.Parse(request.Body)!;
            Assert.Equal(request.Path.TrimStart('/'), body["receiver"]!.GetValue<string>());
            var routeKey = request.Path switch
            {
                "/leaders" => """{}/{severity="critical"}""",
                "/xa" => """{}/{alertname=~"overdue-.*",department=~"xa-.*"}""",
                _ => "{}/{}",
            };
            Assert.StartsWith(routeKey + ":{alertname=", body["groupKey"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task No_matching_route_sends_nothing()
    {
        await using var harness = await StartAsync(Names, Route("xa", ("department", "xa-*")));

        var delivery = await harness.Dispatcher.SendAsync(SampleAlerts.Firing(department: "so-noi-vu"), CancellationToken.None);

        Assert.Empty(delivery.Receivers);
        Assert.Empty(harness.Receivers.Requests);
    }

    [Fact]
    public async Task A_resolution_goes_where_the_firing_went_even_after_the_routes_changed()
    {
        await using var harness = await StartAsync(Names, ContinueRoute("leaders", ("severity", "critical")), Route("xa"));
        var firing = SampleAlerts.Firing();
        await harness.Dispatcher.SendAsync(firing, CancellationToken.None);

        // A configuration reload now sends everything to the catch-all only.
        harness.Options.CurrentValue = Configure(harness.Receivers, Names, Route("catchall"));
        var resolved = await harness.Dispatcher.SendAsync(SampleAlerts.Resolved(firing), CancellationToken.None);

        Assert.Equal(["leaders", "xa"], resolved.Receivers.Select(r => r.Receiver));
        Assert.Empty(harness.Receivers.At("/catchall"));
        foreach (var path in new[] { "/leaders", "/xa" })
        {
            var bodies = harness.Receivers.At(path).Select(r => JsonNode.Parse(r.Body)!).ToArray();
            Assert.Equal(["firing", "resolved"], bodies.Select(b => b["status"]!.GetValue<string>()));

            // Same group key both times, so receivers that group by it close what they opened.
            Assert.Equal(bodies[0]["groupKey"]!.GetValue<string>(), bodies[1]["groupKey"]!.GetValue<string>());
        }

        // The next episode of the alert is routed by the routes now in force.
        var again = await harness.Dispatcher.SendAsync(firing, CancellationToken.None);
        Assert.Equal(["catchall"], again.Receivers.Select(r => r.Receiver));
    }

    [Fact]
    public async Task A_repeat_firing_under_new_routes_adds_receivers_and_the_resolution_reaches_all()
    {
        await using var harness = await StartAsync(Names, Route("xa"));
        var firing = SampleAlerts.Firing();
        await harness.Dispatcher.SendAsync(firing, CancellationToken.None);
        harness.Options.CurrentValue = Configure(harness.Receivers, Names, Route("leaders"));
        await harness.Dispatcher.SendAsync(SampleAlerts.Acknowledged(firing), CancellationToken.None);

        var resolved = await harness.Dispatcher.SendAsync(SampleAlerts.Resolved(firing), CancellationToken.None);

        Assert.Equal(["xa", "leaders"], resolved.Receivers.Select(r => r.Receiver));
    }
}
