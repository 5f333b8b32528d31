namespace OperationsCenter.Server.Security;

/// <summary>The people's roles. Department agents have no role: they hold a department key.</summary>
public static class Roles
{
    /// <summary>Watches the wall, acknowledges alerts.</summary>
    public const string Operator = "operator";

    /// <summary>Gets the alerts routed to leaders on the leader view, and may acknowledge them.</summary>
    public const string Leader = "leader";

    /// <summary>Manages rules, silences and keys.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, for validation and documentation.</summary>
    public static readonly IReadOnlyList<string> All = [Operator, Leader, Admin];
}
