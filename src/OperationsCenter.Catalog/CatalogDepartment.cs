namespace OperationsCenter.Catalog;

/// <summary>A unit that reports to the center.</summary>
/// <param name="Id">ASCII id: the <c>department</c> tag and the key entry's department.</param>
/// <param name="Name">The unit's Vietnamese name, with diacritics.</param>
/// <param name="Kind">Agency, commune or ward.</param>
public sealed record CatalogDepartment(string Id, string Name, DepartmentKind Kind)
{
    /// <summary>
    /// The kind of a department the catalog does not list, by the id conventions of the catalog
    /// (<c>xa-</c> communes, <c>phuong-</c> wards, anything else an agency).
    /// </summary>
    public static DepartmentKind KindOf(string id) =>
        id.StartsWith("xa-", StringComparison.Ordinal) ? DepartmentKind.Commune
        : id.StartsWith("phuong-", StringComparison.Ordinal) ? DepartmentKind.Ward
        : DepartmentKind.Agency;
}
