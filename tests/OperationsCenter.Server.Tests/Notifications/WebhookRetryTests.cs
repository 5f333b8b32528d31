using System.Text.Json.Nodes;
using static OperationsCenter.Server.Tests.Notifications.DispatcherHarness;

namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>Deliveries retry what may pass and record what finally fails; nothing is dropped in silence.</summary>
public sealed class WebhookRetryTests
{
    [Fact]
    public async Task Two_503s_then_a_200_is_one_delivery_after_three_attempts()
    {
        await using var harness = await StartAsync(["ops"], Route("ops"));
        harness.Receivers.Answer("/ops", (503, TimeSpan.Zero), (503, TimeSpan.Zero));

        var delivery = await harness.Dispatcher.SendAsync(SampleAlerts.Firing(), CancellationToken.None);

        var result = Assert.Single(delivery.Receivers);
        Assert.Equal((true, 3, (int?)200), (result.Delivered, result.Attempts, result.HttpStatus));
        Assert.Equal((1L, 0L), (harness.Dispatcher.Delivered, harness.Dispatcher.Failed));
        Assert.Empty(harness.Failures.Recent());
        Assert.Single(harness.Receivers.At("/ops").Select(r => r.Body).Distinct());
        Assert.Equal(3, harness.Receivers.At("/ops").Count);
    }

    [Fact]
    public async Task A_429_and_an_attempt_that_times_out_are_retried()
    {
        await using var harness = await StartAsync(["ops"], Route("ops"));
        // A second is far beyond a loopback answer even on a busy machine, so only the slow attempt times out.
        harness.Options.CurrentValue.Receivers[0].TimeoutSeconds = 1;
        harness.Receivers.Answer("/ops", (429, TimeSpan.Zero), (200, TimeSpan.FromSeconds(10)));

        var delivery = await harness.Dispatcher.SendAsync(SampleAlerts.Firing(), CancellationToken.None);

        var result = Assert.Single(delivery.Receivers);
        Assert.Equal((true, 3), (result.Delivered, result.Attempts));
    }

    [Fact]
    public async Task A_receiver_that_always_fails_is_recorded_in_memory_and_in_the_log_file()
    {
        await using var harness = await StartAsync(["down"], Route("down"));
        harness.Receivers.AlwaysAnswer("/down", 500);
        var firing = SampleAlerts.Firing();

        var delivery = await harness.Dispatcher.SendAsync(firing, CancellationToken.None);

        var result = Assert.Single(delivery.Receivers);
        Assert.Equal((false, 5, (int?)500), (result.Delivered, result.Attempts, result.HttpStatus));
        Assert.Equal(5, harness.Receivers.At("/down").Count);
        Assert.Equal((0L, 1L, 1L), (harness.Dispatcher.Delivered, harness.Dispatcher.Failed, harness.Failures.Total));

        var failure = Assert.Single(harness.Failures.Recent());
        Assert.Equal(("down", firing.Fingerprint, "firing", (int?)500, 5), (failure.Receiver, failure.Fingerprint, failure.Status, failure.HttpStatus, failure.Attempts));
        Assert.Contains("scripted 500 from /down", failure.Error);

        var path = Path.Combine(harness.DataDirectory, "webhook-failures.log");
        Assert.Equal(path, harness.Dispatcher.FailureLogPath);
        var line = JsonNode.Parse(Assert.Single(await File.ReadAllLinesAsync(path)))!;
        Assert.Equal(("down", firing.Fingerprint, "firing", 500, 5),
            (line["receiver"]!.GetValue<string>(), line["fingerprint"]!.GetValue<string>(), line["status"]!.GetValue<string>(),
                line["httpStatus"]!.GetValue<int>(), line["attempts"]!.GetValue<int>()));
        Assert.Contains("HTTP 500", line["error"]!.GetValue<string>());
        Assert.True(line["at"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task A_receiver_nobody_listens_on_is_retried_then_recorded_without_a_status()
    {
        await using var harness = await StartAsync(["gone"], Route("gone"));
        harness.Options.CurrentValue.Receivers[0].Url = await ClosedPortUrlAsync();

        var delivery = await harness.Dispatcher.SendAsync(SampleAlerts.Firing(), CancellationToken.None);

        var result = Assert.Single(delivery.Receivers);
        Assert.Equal((false, 5, (int?)null), (result.Delivered, result.Attempts, result.HttpStatus));
        var failure = Assert.Single(harness.Failures.Recent());
        Assert.Contains("HttpRequestException", failure.Error);
        Assert.Single(await File.ReadAllLinesAsync(harness.Dispatcher.FailureLogPath));
    }

    [Fact]
    public async Task A_4xx_refusal_is_not_retried_but_recorded()
    {
        await using var harness = await StartAsync(["strict"], Route("strict"));
        harness.Receivers.AlwaysAnswer("/strict", 400);

        var delivery = await harness.Dispatcher.SendAsync(SampleAlerts.Firing(), CancellationToken.None);

        Assert.Equal((false, 1, (int?)400), (delivery.Receivers[0].Delivered, delivery.Receivers[0].Attempts, delivery.Receivers[0].HttpStatus));
        Assert.Single(harness.Receivers.At("/strict"));
        Assert.Equal(1L, harness.Failures.Total);
    }

    [Fact]
    public async Task A_failing_resolution_is_recorded_as_resolved()
    {
        await using var harness = await StartAsync(["ops"], Route("ops"));
        var firing = SampleAlerts.Firing();
        await harness.Dispatcher.SendAsync(firing, CancellationToken.None);
        harness.Receivers.AlwaysAnswer("/ops", 502);

        await harness.Dispatcher.SendAsync(SampleAlerts.Resolved(firing), CancellationToken.None);

        Assert.Equal(("resolved", (int?)502), (harness.Failures.Recent()[0].Status, harness.Failures.Recent()[0].HttpStatus));
        Assert.Equal((1L, 1L), (harness.Dispatcher.Delivered, harness.Dispatcher.Failed));
    }

    private static async Task<string> ClosedPortUrlAsync()
    {
        // A port that was just free and is closed again: connections to it are refused.
        await using var probe = await WebhookReceivers.StartAsync();
        return probe.Url("/gone");
    }
}
