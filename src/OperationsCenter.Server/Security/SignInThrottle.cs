using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Security;

/// <summary>
/// Counts sign-in attempts per client address, so passwords cannot be guessed at speed. An attempt takes its permit
/// before the password is checked: parallel guesses cannot all slip in while the slow hash runs.
/// </summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _attempts = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignInAttemptsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>One minute: the window after which attempts are forgotten.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>Takes one attempt for the address; false when it has used up this minute's.</summary>
    public bool TryAttempt(string address)
    {
        using var lease = _attempts.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => _attempts.Dispose();
}
