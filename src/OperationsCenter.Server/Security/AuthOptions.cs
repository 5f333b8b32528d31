namespace OperationsCenter.Server.Security;

/// <summary><c>OperationsCenter:Auth</c>: who may sign in and how long a sign-in lasts.</summary>
public sealed class AuthOptions
{
    /// <summary>People who sign in with a password.</summary>
    public List<UserAccount> Users { get; set; } = [];

    /// <summary>A sign-in lasts this long past the last request (a control-room shift and some).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Sign-in attempts allowed per client address per minute before 429; a control room behind one address signs
    /// in a shift at once, so this is not set lower.
    /// </summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>How often open live connections are checked against configuration (a removed person's is closed).</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>OpenID Connect, when the province runs an identity provider.</summary>
    public OidcSettings Oidc { get; set; } = new();
}
