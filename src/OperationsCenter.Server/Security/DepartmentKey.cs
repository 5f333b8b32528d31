namespace OperationsCenter.Server.Security;

/// <summary>One entry of <c>OperationsCenter:DepartmentKeys</c>: a key's hash and the department it writes for.</summary>
public sealed class DepartmentKey
{
    /// <summary>Department id the key writes for.</summary>
    public string Department { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes. The key itself is never stored.</summary>
    public string Sha256 { get; set; } = "";
}
