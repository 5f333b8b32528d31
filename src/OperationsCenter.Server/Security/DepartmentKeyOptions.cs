namespace OperationsCenter.Server.Security;

/// <summary>The <c>OperationsCenter</c> section's department keys.</summary>
public sealed class DepartmentKeyOptions
{
    /// <summary>Every accepted key, by hash.</summary>
    public List<DepartmentKey> DepartmentKeys { get; set; } = [];
}
