using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>
/// The Polly pipeline every webhook POST goes through: a cap on the whole delivery, jittered exponential retries of
/// what may pass (network errors, timeouts, 5xx, 429), and a timeout per attempt taken from the receiver's settings.
/// Other 4xx answers are not retried: the receiver refused the request and will refuse it again, as Alertmanager
/// also treats them.
/// </summary>
internal static class WebhookResilience
{
    /// <summary>The receiver's per-attempt timeout, carried in the context because one pipeline serves them all.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> AttemptTimeout = new("webhook.attempt-timeout");

    /// <summary>The receiver's name, for the retry log.</summary>
    public static readonly ResiliencePropertyKey<string> Receiver = new("webhook.receiver");

    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(10);

    /// <summary>Builds the pipeline from the delivery settings; <paramref name="onRetry"/> sees each failed attempt (receiver, error).</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(WebhookOptions options, TimeProvider time, Action<string, string> onRetry)
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .Handle<IOException>()
            // HttpClient's own timeout (when a receiver allows longer than the client does) looks like a cancellation.
            .Handle<TaskCanceledException>(ex => ex.InnerException is TimeoutException)
            .HandleResult(r => IsTransient(r.StatusCode));

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds))
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.RetryDelay > LongestDelay ? options.RetryDelay : LongestDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    onRetry(args.Context.Properties.GetValue(Receiver, "?"), args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}");

                    // The failed answer is not returned to anyone: free its connection before the next attempt.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(AttemptTimeout, TimeSpan.FromSeconds(10))),
            })
            .Build();
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    // A receiver that says when to come back (429, 503 with Retry-After) is obeyed, within the longest delay;
    // null leaves the delay to the exponential backoff.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, LongestDelay.Ticks)) : null;
    }
}
