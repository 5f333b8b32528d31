namespace OperationsCenter.Server.Security;

/// <summary>One entry of <c>OperationsCenter:Auth:Users</c>: a person who signs in with a password.</summary>
public sealed class UserAccount
{
    /// <summary>The sign-in name; also what audit records show.</summary>
    public string Name { get; set; } = "";

    /// <summary>The name shown on the wall; the sign-in name when empty.</summary>
    public string? DisplayName { get; set; }

    /// <summary>ASP.NET Core Identity's password hash (PBKDF2); the password itself is never stored.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Any of operator, leader, admin, and <c>department:&lt;id&gt;</c> for a department's staff.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Where a leader gets alert mail (<c>OperationsCenter:Email</c>); none when empty.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; set; }
}
