namespace OperationsCenter.Catalog;

/// <summary>What sort of unit a department is.</summary>
public enum DepartmentKind
{
    /// <summary>A provincial agency (sở, ban, ngành) or the Public Administrative Service Center.</summary>
    Agency,

    /// <summary>A commune (xã).</summary>
    Commune,

    /// <summary>A ward (phường).</summary>
    Ward,
}
