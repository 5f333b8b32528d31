using System.Text;
using Microsoft.Extensions.Configuration;
using OperationsCenter.Server.Notifications.Webhooks;

namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>The settings bind from configuration and are refused with messages naming the setting at fault.</summary>
public sealed class WebhookOptionsTests
{
    private const string Example = """
        {
          "OperationsCenter": {
            "Notifications": {
              "ExternalUrl": "https://dieuhanh.example.vn",
              "Receivers": [
                { "Name": "leaders", "Url": "https://chat.example.vn/hooks/leaders", "BearerToken": "t0ken", "TimeoutSeconds": 5 },
                { "Name": "xa", "Url": "http://10.0.0.7:9095/alerts" }
              ],
              "Routes": [
                { "Receiver": "leaders", "Matchers": { "severity": "critical" }, "Continue": true },
                { "Receiver": "xa", "Matchers": { "department": "xa-*", "alertname": "overdue-?ossiers*" } }
              ]
            }
          }
        }
        """;

    [Fact]
    public void The_example_configuration_binds_and_is_valid()
    {
        var options = Bind(Example);

        Assert.Empty(WebhookOptionsValidator.Errors(options));
        Assert.Equal(("leaders", "t0ken", 5d), (options.Receivers[0].Name, options.Receivers[0].BearerToken, options.Receivers[0].TimeoutSeconds));
        Assert.Equal((null, 10d), (options.Receivers[1].BearerToken, options.Receivers[1].TimeoutSeconds));
        Assert.Equal((true, false), (options.Routes[0].Continue, options.Routes[1].Continue));
        Assert.Equal("xa-*", options.Routes[1].Matchers["department"]);
        Assert.Equal((5, TimeSpan.FromSeconds(1), 30d), (options.MaxAttempts, options.RetryDelay, options.TotalTimeoutSeconds));
    }

    [Fact]
    public void Unknown_receivers_and_relative_urls_are_refused_with_the_setting_named()
    {
        var options = Bind(Example.Replace("\"Receiver\": \"xa\"", "\"Receiver\": \"xa-typo\"", StringComparison.Ordinal)
            .Replace("http://10.0.0.7:9095/alerts", "/alerts", StringComparison.Ordinal)
            .Replace("https://dieuhanh.example.vn\"", "dieuhanh.example.vn\"", StringComparison.Ordinal));

        var errors = WebhookOptionsValidator.Errors(options);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("OperationsCenter:Notifications:ExternalUrl 'dieuhanh.example.vn' must be an absolute", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("OperationsCenter:Notifications:Receivers:1 (xa): Url '/alerts' must be an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains("OperationsCenter:Notifications:Routes:1:Receiver 'xa-typo' is not a configured receiver (known: leaders, xa).", errors);
        Assert.True(new WebhookOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Duplicate_names_and_bad_timeouts_are_refused()
    {
        var options = Bind(Example.Replace("\"Name\": \"xa\"", "\"Name\": \"leaders\"", StringComparison.Ordinal)
            .Replace("\"TimeoutSeconds\": 5", "\"TimeoutSeconds\": 0", StringComparison.Ordinal));

        var errors = WebhookOptionsValidator.Errors(options);

        Assert.Contains("OperationsCenter:Notifications:Receivers:1:Name 'leaders' is used by another receiver.", errors);
        Assert.Contains("OperationsCenter:Notifications:Receivers:0 (leaders): TimeoutSeconds must be positive, not 0.", errors);
    }

    [Fact]
    public void No_receivers_at_all_is_valid()
    {
        Assert.Empty(WebhookOptionsValidator.Errors(new WebhookOptions()));
    }

    private static WebhookOptions Bind(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build()
            .GetSection("OperationsCenter:Notifications").Get<WebhookOptions>()!;
}
