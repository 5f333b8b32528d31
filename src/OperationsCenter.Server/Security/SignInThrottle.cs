using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Security;

/// <summary>Counts failed sign-ins per client address, so passwords cannot be guessed at speed.</summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignInAttemptsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>One minute: the window after which failed attempts are forgotten.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>False while the address has used up its failed attempts.</summary>
    public bool MayTry(string address) => _failures.GetStatistics(address)?.CurrentAvailablePermits is not 0;

    /// <summary>Records a failed attempt.</summary>
    public void Failed(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    /// <inheritdoc />
    public void Dispose() => _failures.Dispose();
}
