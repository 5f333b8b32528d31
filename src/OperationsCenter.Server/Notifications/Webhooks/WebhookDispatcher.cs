using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using Polly;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>
/// Sends alerts to webhook receivers in Alertmanager's version 4 format. Firings are routed by the routes in force;
/// a resolution goes wherever the firing went. Each POST retries through Polly; one that finally fails is kept in
/// <see cref="WebhookFailures"/> and appended to <c>webhook-failures.log</c>, never dropped in silence.
/// </summary>
internal sealed partial class WebhookDispatcher
{
    /// <summary>The named <see cref="HttpClient"/> the POSTs use.</summary>
    public const string HttpClientName = "webhooks";

    /// <summary>The failure log's file name in the data directory.</summary>
    public const string FailureLogName = "webhook-failures.log";

    /// <summary>The <c>channel</c> tag of the notification counters.</summary>
    public const string Channel = "webhook";

    private readonly IOptionsMonitor<WebhookOptions> _options;
    private readonly IHttpClientFactory _httpClients;
    private readonly WebhookFailures _failures;
    private readonly WebhookFailureFile _failureFile;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly TimeProvider _time;
    private readonly NotifiedReceivers _notified = new();
    private Tuple<WebhookOptions, ResiliencePipeline<HttpResponseMessage>>? _pipeline;
    private long _delivered;
    private long _failed;

    /// <summary>Where deliveries are counted (<c>oc.notifications.*</c>, channel <c>webhook</c>); set by the host.</summary>
    internal Telemetry.CenterMetrics? Metrics { get; init; }

    /// <summary>Creates the dispatcher; failures are appended to <c>webhook-failures.log</c> in <paramref name="dataDirectory"/>.</summary>
    public WebhookDispatcher(IOptionsMonitor<WebhookOptions> options, IHttpClientFactory httpClients, WebhookFailures failures,
        string dataDirectory, ILogger<WebhookDispatcher> logger, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        _options = options;
        _httpClients = httpClients;
        _failures = failures;
        _logger = logger;
        _time = time;
        Directory.CreateDirectory(dataDirectory);
        _failureFile = new WebhookFailureFile(Path.Combine(dataDirectory, FailureLogName));
    }

    /// <summary>Notifications receivers accepted, one per receiver, since start.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Notifications that finally failed, one per receiver, since start.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Where failed deliveries are appended.</summary>
    public string FailureLogPath => _failureFile.Path;

    /// <summary>
    /// Sends the alert to its receivers: for a firing (or acknowledged) alert those its labels route to, for a
    /// resolved one those its firing went to. Returns once every receiver accepted it or was given up on (and
    /// recorded); throws only when <paramref name="ct"/> is cancelled, after recording what was abandoned.
    /// </summary>
    public async Task<WebhookDelivery> SendAsync(AlertView alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.State == AlertState.Pending)
        {
            return new WebhookDelivery(alert.Fingerprint, "pending", []);
        }

        var options = _options.CurrentValue;
        var status = AlertmanagerPayload.StatusOf(alert);
        ImmutableArray<WebhookTarget> targets;
        if (alert.State == AlertState.Resolved)
        {
            targets = _notified.Take(alert.Fingerprint) ?? WebhookRouter.Choose(options.Routes, alert);
        }
        else
        {
            targets = WebhookRouter.Choose(options.Routes, alert);
            _notified.Remember(alert.Fingerprint, targets);
        }

        var results = await Task.WhenAll(targets.Select(t => DeliverAsync(options, t, alert, status, ct)));
        return new WebhookDelivery(alert.Fingerprint, status, [.. results]);
    }

    private async Task<WebhookReceiverResult> DeliverAsync(WebhookOptions options, WebhookTarget target, AlertView alert, string status,
        CancellationToken ct)
    {
        var receiver = options.Receivers.FirstOrDefault(r => r.Name == target.Receiver);
        if (receiver is null)
        {
            return Fail(target.Receiver, alert, status, null, $"receiver '{target.Receiver}' is no longer configured", 0);
        }

        var body = AlertmanagerPayload.For(alert, receiver.Name, target.RouteKey, options.ExternalUrl).ToJson();
        var client = _httpClients.CreateClient(HttpClientName);
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(WebhookResilience.AttemptTimeout, TimeSpan.FromSeconds(receiver.TimeoutSeconds));
        context.Properties.Set(WebhookResilience.Receiver, receiver.Name);
        try
        {
            using var response = await PipelineFor(options).ExecuteAsync(async c =>
            {
                Interlocked.Increment(ref attempts);
                using var request = WebhookRequests.Post(receiver, body);
                return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, c.CancellationToken);
            }, context);

            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _delivered);
                Metrics?.NotificationSent(Channel);
                return new WebhookReceiverResult(receiver.Name, true, attempts, (int)response.StatusCode, null);
            }

            var error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {await WebhookRequests.ErrorTextAsync(response, ct)}".TrimEnd(' ', ':');
            return Fail(receiver.Name, alert, status, (int)response.StatusCode, error, attempts);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Fail(receiver.Name, alert, status, null, "abandoned: the server is stopping", attempts);
            throw;
        }
        catch (Exception ex)
        {
            // Whatever went wrong (network, timeouts, a malformed answer), the notification must be recorded as lost,
            // not thrown out of the alert's path.
            return Fail(receiver.Name, alert, status, null, $"{ex.GetType().Name}: {ex.Message}", attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> PipelineFor(WebhookOptions options)
    {
        // Rebuilt only when the settings were reloaded; the options monitor hands out a new instance then.
        // A reference swap, so a concurrent send sees either the old pair or the new one, never half of each.
        if (_pipeline is { } cached && ReferenceEquals(cached.Item1, options))
        {
            return cached.Item2;
        }

        var pipeline = WebhookResilience.Create(options, _time, (receiver, error) => LogRetry(receiver, error));
        _pipeline = Tuple.Create(options, pipeline);
        return pipeline;
    }

    private WebhookReceiverResult Fail(string receiver, AlertView alert, string status, int? httpStatus, string error, int attempts)
    {
        var failure = new WebhookFailure(receiver, alert.Fingerprint, status, httpStatus, error, attempts, _time.GetUtcNow());
        Interlocked.Increment(ref _failed);
        Metrics?.NotificationFailed(Channel);
        _failures.Record(failure);
        LogFailure(receiver, alert.Fingerprint, status, attempts, error);
        try
        {
            _failureFile.Append(failure);
        }
        catch (IOException ex)
        {
            // Still kept in memory and in the log above; the disk problem itself must be seen too.
            LogFileError(ex, _failureFile.Path);
        }
        catch (UnauthorizedAccessException ex)
        {
            LogFileError(ex, _failureFile.Path);
        }

        return new WebhookReceiverResult(receiver, false, attempts, httpStatus, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Receiver} failed, retrying: {Error}")]
    private partial void LogRetry(string receiver, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Receiver} did not take the {Status} notification of alert {Fingerprint} after {Attempts} attempts: {Error}")]
    private partial void LogFailure(string receiver, string fingerprint, string status, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not append a failed webhook delivery to {Path}")]
    private partial void LogFileError(Exception exception, string path);
}
