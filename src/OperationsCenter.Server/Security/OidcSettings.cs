namespace OperationsCenter.Server.Security;

/// <summary><c>OperationsCenter:Auth:Oidc</c>: sign-in through the province's identity provider, when configured.</summary>
public sealed class OidcSettings
{
    /// <summary>The provider's issuer URL; OpenID Connect is off while empty.</summary>
    public string? Authority { get; set; }

    /// <summary>This application's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (from a secret store or the environment, never committed).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries roles or groups.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Maps the provider's role or group names to ours (e.g. <c>ioc-operators: operator</c>); names that are already ours pass as they are.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>The text of the sign-in button.</summary>
    public string DisplayName { get; set; } = "OpenID Connect";

    /// <summary>False only for a provider on plain HTTP in a lab.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
