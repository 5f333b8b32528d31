using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Security;

/// <summary>Checks the open hub connections against configuration every <c>Auth:SessionCheckInterval</c>.</summary>
internal sealed partial class WallSessionSweep(WallSessions sessions, IOptions<AuthOptions> options, ILogger<WallSessionSweep> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SessionCheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (sessions.CloseWithdrawn() is > 0 and var closed)
            {
                LogClosed(closed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} live connections whose sign-in or role was withdrawn")]
    private partial void LogClosed(int count);
}
