namespace OperationsCenter.Server.Security;

/// <summary>
/// The people's roles. Department agents have no role: they hold a department key; department staff who sign in hold
/// <c>department:&lt;id&gt;</c> and see their own department's page only.
/// </summary>
public static partial class Roles
{
    /// <summary>Watches the wall, acknowledges alerts.</summary>
    public const string Operator = "operator";

    /// <summary>Gets the alerts routed to leaders on the leader view, and may acknowledge them.</summary>
    public const string Leader = "leader";

    /// <summary>Manages rules, silences and keys.</summary>
    public const string Admin = "admin";

    /// <summary>The prefix of a department staff role: <c>department:xa-muong-kim</c>.</summary>
    public const string DepartmentPrefix = "department:";

    /// <summary>Every fixed role, for validation and documentation; department roles come on top (<see cref="IsValid"/>).</summary>
    public static readonly IReadOnlyList<string> All = [Operator, Leader, Admin];

    /// <summary>The role of a department's staff.</summary>
    public static string Department(string id) => DepartmentPrefix + id;

    /// <summary>True for a fixed role, or <c>department:&lt;id&gt;</c> with an id as the catalog writes them (a-z, 0-9, '-').</summary>
    public static bool IsValid(string role) =>
        All.Contains(role) || (role.StartsWith(DepartmentPrefix, StringComparison.Ordinal) && DepartmentId().IsMatch(role[DepartmentPrefix.Length..]));

    /// <summary>The department ids a set of roles names.</summary>
    public static IEnumerable<string> Departments(IEnumerable<string> roles) =>
        roles.Where(r => r.StartsWith(DepartmentPrefix, StringComparison.Ordinal) && IsValid(r)).Select(r => r[DepartmentPrefix.Length..]);

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial System.Text.RegularExpressions.Regex DepartmentId();
}
