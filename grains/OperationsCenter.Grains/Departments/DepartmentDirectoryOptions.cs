namespace OperationsCenter.Grains.Departments;

/// <summary>The departments the center expects to hear from (<c>OperationsCenter:Departments</c>).</summary>
public sealed class DepartmentDirectoryOptions
{
    /// <summary>Configured departments; one that reports without being listed still appears, by id.</summary>
    public List<DepartmentEntry> Departments { get; set; } = [];

    /// <summary>Display name for an id, falling back to the id.</summary>
    public string NameOf(string id) =>
        Departments.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal))?.Name ?? id;
}
