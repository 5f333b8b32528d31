using MailKit.Security;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>
/// <c>OperationsCenter:Email</c>: the SMTP server leader notices are mailed through. Mail is off while
/// <see cref="Host"/> is empty; leaders with an <c>Email</c> in <c>OperationsCenter:Auth:Users</c> receive it.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>The SMTP server's host name; empty turns mail off.</summary>
    public string Host { get; set; } = "";

    /// <summary>The SMTP port (587, submission, by default).</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// How the connection is secured: <c>StartTlsWhenAvailable</c> (default), <c>StartTls</c> (refuse a server
    /// without it), <c>SslOnConnect</c> (port 465) or <c>None</c>.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>Signs in with this name when set.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// A PEM file with the server's own certificate or its CA, trusted besides the system's (a province's internal
    /// relay); the host name must still match it.
    /// </summary>
    public string? TrustedCertificate { get; set; }

    /// <summary>The sender, e.g. <c>"Trung tâm IOC &lt;ioc@laichau.gov.vn&gt;"</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>The wall's public address; each mail links to <c>{BaseUrl}/leader?alert={fingerprint}</c>.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>First retry delay after the server could not be reached; later ones double, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between retries; retries go on until the mail is taken.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest one conversation with the server may take before it is abandoned and retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent mails are kept this long in <c>email/sent</c> (they also stop a notice being mailed twice).</summary>
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(7);

    /// <summary>True when a server is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
