namespace OperationsCenter.Server.Security;

/// <summary><c>OperationsCenter:Auth</c>: who may sign in and how long a sign-in lasts.</summary>
public sealed class AuthOptions
{
    /// <summary>People who sign in with a password.</summary>
    public List<UserAccount> Users { get; set; } = [];

    /// <summary>A sign-in lasts this long past the last request (a control-room shift and some).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins allowed per client address per minute before 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>OpenID Connect, when the province runs an identity provider.</summary>
    public OidcSettings Oidc { get; set; } = new();
}
