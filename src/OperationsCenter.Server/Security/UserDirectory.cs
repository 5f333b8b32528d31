using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Security;

/// <summary>
/// Checks a name and password against <c>OperationsCenter:Auth:Users</c>, read afresh on every sign-in so an edit
/// to configuration (a new person, a removed one) takes effect without a restart.
/// </summary>
public sealed class UserDirectory(IOptionsMonitor<AuthOptions> options)
{
    /// <summary>Claim carrying the name shown on the wall.</summary>
    public const string DisplayNameClaim = "display_name";

    /// <summary>Claim saying where the identity came from: <see cref="PasswordSource"/> or the identity provider.</summary>
    public const string SourceClaim = "oc_source";

    /// <summary>Signed in with a password held in configuration.</summary>
    public const string PasswordSource = "password";

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Checked when the name is unknown, so a wrong name costs as much time as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(new UserAccount(), Guid.NewGuid().ToString());

    /// <summary>The person's identity when the password is right; null otherwise, whichever part was wrong.</summary>
    public ClaimsIdentity? Verify(string name, string password, string authenticationType)
    {
        var account = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        var hash = account is { PasswordHash.Length: > 0 } ? account.PasswordHash : DecoyHash;
        var result = Hasher.VerifyHashedPassword(account ?? new UserAccount(), hash, password);
        if (account is null || result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        return IdentityFor(account.Name, account.DisplayName, account.Roles, authenticationType, PasswordSource);
    }

    /// <summary>
    /// A signed-in person's identity as configuration now has it: null when their entry was removed, so taking a
    /// sign-in away (or a role) applies on the next request, not when the cookie expires.
    /// </summary>
    public ClaimsIdentity? Current(ClaimsPrincipal principal, string authenticationType)
    {
        if (principal.FindFirstValue(SourceClaim) != PasswordSource)
        {
            return principal.Identity as ClaimsIdentity;
        }

        var account = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, principal.Identity?.Name, StringComparison.OrdinalIgnoreCase));
        return account is null ? null : IdentityFor(account.Name, account.DisplayName, account.Roles, authenticationType, PasswordSource);
    }

    /// <summary>True when <paramref name="current"/> (from <see cref="Current"/>) grants the roles the principal holds.</summary>
    public static bool SameRoles(ClaimsIdentity current, ClaimsPrincipal principal) =>
        current.FindAll(current.RoleClaimType).Select(c => c.Value).Order().SequenceEqual(
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order());

    /// <summary>A hash for <c>PasswordHash</c>, as the <c>users add</c> command prints it.</summary>
    public static string HashPassword(string password) => Hasher.HashPassword(new UserAccount(), password);

    /// <summary>Builds the claims the app relies on: name, display name and our roles only.</summary>
    public static ClaimsIdentity IdentityFor(string name, string? displayName, IEnumerable<string> roles, string authenticationType, string source)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(SourceClaim, source));
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(displayName) ? name : displayName));
        foreach (var role in roles.Select(r => r.Trim().ToLowerInvariant()).Where(Roles.IsValid).Distinct())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return identity;
    }
}
