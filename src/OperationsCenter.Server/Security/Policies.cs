namespace OperationsCenter.Server.Security;

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>The wall, the leader view, <c>/hubs/wall</c> and the read API: operators and leaders. The fallback policy.</summary>
    public const string Wall = "wall";

    /// <summary>Acknowledging and giving back alerts: operators, and leaders from the leader view.</summary>
    public const string Acknowledge = "acknowledge";

    /// <summary>Rules, silences and keys.</summary>
    public const string Admin = "admin";

    /// <summary>
    /// A department's page and API: its staff (<c>department:&lt;id&gt;</c>) and admins. Which department is checked
    /// per request against the route's id (see <c>DepartmentAccess</c>).
    /// </summary>
    public const string Department = "department";
}
