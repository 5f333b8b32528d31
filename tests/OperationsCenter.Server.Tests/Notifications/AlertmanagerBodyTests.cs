using System.Text.Json;
using System.Text.Json.Nodes;
using OperationsCenter.Server.Notifications.Webhooks;
using static OperationsCenter.Server.Tests.Notifications.DispatcherHarness;

namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>The body a receiver gets is Alertmanager's webhook payload, version 4, field for field.</summary>
public sealed class AlertmanagerBodyTests
{
    private const string Labels = """
        { "alertname": "overdue-dossiers-rising", "department": "xa-an-binh", "measurement": "dossiers",
          "owner": "trung-tam-phvhcc", "severity": "critical" }
        """;

    private const string GroupKey =
        """{}/{severity="critical"}:{alertname="overdue-dossiers-rising", department="xa-an-binh", measurement="dossiers", owner="trung-tam-phvhcc", severity="critical"}""";

    private static readonly string[] AlertmanagerOrder =
        ["receiver", "status", "alerts", "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "version", "groupKey", "truncatedAlerts"];

    [Fact]
    public async Task A_firing_then_a_resolved_alert_arrive_as_exact_version_4_bodies()
    {
        await using var harness = await StartAsync(["ops"], Route("ops", ("severity", "critical")));
        harness.Options.CurrentValue.Receivers[0].BearerToken = "s3cret";
        var firing = SampleAlerts.Firing();

        var sent = await harness.Dispatcher.SendAsync(firing, CancellationToken.None);
        await harness.Dispatcher.SendAsync(SampleAlerts.Resolved(firing), CancellationToken.None);

        Assert.True(sent.AllDelivered);
        var requests = harness.Receivers.At("/ops");
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(("Bearer s3cret", "application/json"), (r.Authorization, r.ContentType)));
        AssertJson(Expected("firing", "2026-03-02T01:05:00.123Z", "0001-01-01T00:00:00Z", Annotations()), requests[0].Body);
        AssertJson(Expected("resolved", "2026-03-02T01:05:00.123Z", "2026-03-02T02:00:00Z", Annotations()), requests[1].Body);
        Assert.Equal(AlertmanagerOrder, JsonNode.Parse(requests[0].Body)!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task An_acknowledged_alert_is_still_firing_and_names_who_took_it_until_resolved()
    {
        await using var harness = await StartAsync(["ops"], Route("ops", ("severity", "critical")));
        var acknowledged = SampleAlerts.Acknowledged(SampleAlerts.Firing());

        await harness.Dispatcher.SendAsync(acknowledged, CancellationToken.None);
        await harness.Dispatcher.SendAsync(SampleAlerts.Resolved(acknowledged), CancellationToken.None);

        var requests = harness.Receivers.At("/ops");
        var taken = Annotations(("acknowledged_by", "Trần Thị Bình"));
        AssertJson(Expected("firing", "2026-03-02T01:05:00.123Z", "0001-01-01T00:00:00Z", taken), requests[0].Body);
        AssertJson(Expected("resolved", "2026-03-02T01:05:00.123Z", "2026-03-02T02:00:00Z", taken), requests[1].Body);
    }

    [Fact]
    public async Task A_pending_alert_is_not_sent()
    {
        await using var harness = await StartAsync(["ops"], Route("ops"));

        var delivery = await harness.Dispatcher.SendAsync(SampleAlerts.Firing() with { State = Grains.Alerts.AlertState.Pending },
            CancellationToken.None);

        Assert.Equal(("pending", 0), (delivery.Status, delivery.Receivers.Length));
        Assert.Empty(harness.Receivers.Requests);
    }

    private static string Annotations(params (string Name, string Value)[] extra)
    {
        var annotations = new JsonObject
        {
            ["summary"] = "Overdue dossiers rising at xa-an-binh",
            ["description"] = "Up 7 dossiers in 15 minutes",
            ["summary_vi"] = "Hồ sơ quá hạn tăng ở xa-an-binh",
            ["description_vi"] = "Tăng 7 hồ sơ trong 15 phút",
        };
        foreach (var (name, value) in extra)
        {
            annotations[name] = value;
        }

        return annotations.ToJsonString();
    }

    private static string Expected(string status, string startsAt, string endsAt, string annotations) => $$"""
        {
          "version": "4",
          "groupKey": {{JsonSerializer.Serialize(GroupKey)}},
          "truncatedAlerts": 0,
          "status": "{{status}}",
          "receiver": "ops",
          "groupLabels": { "alertname": "overdue-dossiers-rising" },
          "commonLabels": {{Labels}},
          "commonAnnotations": {{annotations}},
          "externalURL": "https://dieuhanh.example.vn",
          "alerts": [
            {
              "status": "{{status}}",
              "labels": {{Labels}},
              "annotations": {{annotations}},
              "startsAt": "{{startsAt}}",
              "endsAt": "{{endsAt}}",
              "generatorURL": "https://dieuhanh.example.vn/api/v1/alerts?fingerprint=9f1c2e3d4b5a6978",
              "fingerprint": "9f1c2e3d4b5a6978"
            }
          ]
        }
        """;

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"Expected:\n{JsonNode.Parse(expected)}\nActual:\n{JsonNode.Parse(actual)}");
}
