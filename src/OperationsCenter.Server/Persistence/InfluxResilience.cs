using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Persistence;

/// <summary>
/// The Polly pipeline every call to InfluxDB goes through: a few jittered retries of transient failures, a circuit
/// breaker so a down InfluxDB is not hammered, and a timeout per attempt.
/// </summary>
internal static class InfluxResilience
{
    /// <summary>Builds the pipeline; <paramref name="onFailure"/> sees each transient failure.</summary>
    public static ResiliencePipeline Create(TimeSpan attemptTimeout, Action<Exception> onFailure)
    {
        var transient = new PredicateBuilder()
            .Handle<InfluxWriteException>(ex => !ex.Permanent)
            .Handle<InfluxQueryException>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .Handle<IOException>();

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } ex)
                    {
                        onFailure(ex);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(20),
                BreakDuration = TimeSpan.FromSeconds(2),
            })
            .AddTimeout(attemptTimeout)
            .Build();
    }
}
