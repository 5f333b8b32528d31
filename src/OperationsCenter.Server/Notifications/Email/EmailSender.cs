using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>
/// Empties the outbox through the SMTP server, oldest mail first, on one connection per round. What cannot reach or
/// talk to the server is retried through Polly with jittered exponential backoff, for as long as it takes: a mail
/// leaves the outbox only when the server took it (to <c>sent/</c>) or refused it for good with a 5xx answer (to
/// <c>failed/</c>, counted and shown in <c>/health</c>). A SIGKILL after the server took a mail and before it was
/// moved sends it again on the next start, with the same Message-ID: at least once, never lost.
/// </summary>
internal sealed partial class EmailSender : BackgroundService
{
    /// <summary>The <c>channel</c> tag of the notification counters.</summary>
    public const string Channel = "email";

    private static readonly TimeSpan IdleCheck = TimeSpan.FromMinutes(1);
    private readonly IOptionsMonitor<EmailOptions> _options;
    private readonly EmailOutbox _outbox;
    private readonly TrustedCertificates _trust;
    private readonly Telemetry.CenterMetrics? _metrics;
    private readonly ILogger<EmailSender> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _wake = new(0);
    private long _sent;
    private long _failedAttempts;
    private volatile bool _failing;
    private (string Error, DateTimeOffset At)? _lastError;
    private DateTimeOffset? _lastSentAt;

    /// <summary>Creates the sender; <paramref name="metrics"/> (when telemetry is on) also reports the outbox's size.</summary>
    public EmailSender(IOptionsMonitor<EmailOptions> options, EmailOutbox outbox, TrustedCertificates trust, Telemetry.CenterMetrics? metrics,
        ILogger<EmailSender> logger, TimeProvider time)
    {
        _options = options;
        _outbox = outbox;
        _trust = trust;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        metrics?.ObservePending(Channel, () => _outbox.Pending);
    }

    /// <summary>Starts a round now: a mail was queued.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>The counts and the last error, for <c>/health</c>; paths and error texts only when <paramref name="detailed"/>.</summary>
    public EmailStatus Snapshot(bool detailed)
    {
        var pending = _outbox.Pending;
        var error = _lastError;
        return new EmailStatus(_options.CurrentValue.Enabled, pending, Interlocked.Read(ref _sent), _outbox.Failed, Interlocked.Read(ref _failedAttempts),
            _failing && pending > 0, detailed ? error?.Error : null, error?.At, _lastSentAt, detailed ? _outbox.Root : null);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start path: the host does not wait for the first round with the mail server.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var options = _options.CurrentValue;
            _outbox.Prune(options.KeepSent, _time.GetUtcNow());
            if (options.Enabled && _outbox.Pending > 0)
            {
                try
                {
                    await Pipeline(options).ExecuteAsync(SendWaitingAsync, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            try
            {
                await _wake.WaitAsync(IdleCheck, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: connect, send every waiting mail, quit. Throws what should be retried.</summary>
    private async ValueTask SendWaitingAsync(CancellationToken ct)
    {
        var options = _options.CurrentValue;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds, ServerCertificateValidationCallback = _trust.Validate };
        await client.ConnectAsync(options.Host, options.Port, options.Security, timeout.Token);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", timeout.Token);
        }

        foreach (var mail in _outbox.Waiting())
        {
            timeout.CancelAfter(options.Timeout);
            MimeMessage message;
            try
            {
                message = await MimeMessage.LoadAsync(mail.Path, timeout.Token);
            }
            catch (FormatException ex)
            {
                Refused(mail, $"the outbox file is not a mail: {ex.Message}");
                continue;
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            try
            {
                await client.SendAsync(message, timeout.Token);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode != SmtpErrorCode.UnexpectedStatusCode)
            {
                // Refused for good (no such mailbox, message rejected): retrying would be refused again.
                Refused(mail, $"{(int)ex.StatusCode} {ex.Message}");
                continue;
            }

            _outbox.MarkSent(mail);
            Interlocked.Increment(ref _sent);
            _lastSentAt = _time.GetUtcNow();
            _failing = false;
            _metrics?.NotificationSent(Channel);
            LogSent(mail.Name, string.Join(", ", message.To.Mailboxes.Select(m => m.Address)));
        }

        _failing = false;
        await client.DisconnectAsync(quit: true, timeout.Token);
    }

    private ResiliencePipeline Pipeline(EmailOptions options) => new ResiliencePipelineBuilder { TimeProvider = _time }
        .AddRetry(new RetryStrategyOptions
        {
            // Everything but the server stopping is worth another try: the server down, slow, refusing for now (4xx), TLS.
            // Everything but the server stopping is worth another try: the server down, slow (the round's own
            // timeout), refusing for now (4xx), a TLS handshake that failed.
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            MaxDelay = options.MaxRetryDelay,
            OnRetry = args =>
            {
                var error = args.Outcome.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : "unknown";
                Interlocked.Increment(ref _failedAttempts);
                _failing = true;
                _lastError = (error, _time.GetUtcNow());

                // Logged at the first failure and then every tenth: a long outage must not flood the log.
                if (args.AttemptNumber % 10 == 0)
                {
                    LogRetry(args.AttemptNumber + 1, _outbox.Pending, args.RetryDelay.TotalSeconds, error);
                }

                return ValueTask.CompletedTask;
            },
        })
        .Build();

    private void Refused(OutboxMail mail, string error)
    {
        _outbox.MarkFailed(mail, error);
        _metrics?.NotificationFailed(Channel);
        LogRefused(mail.Name, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Name} sent to {To}")]
    private partial void LogSent(string name, string to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail could not be sent (attempt {Attempt}, {Pending} waiting); retrying in {Seconds:0.#} s: {Error}")]
    private partial void LogRetry(int attempt, int pending, double seconds, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail server refused mail {Name} for good; it is kept in email/failed: {Error}")]
    private partial void LogRefused(string name, string error);
}
