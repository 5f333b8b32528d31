namespace OperationsCenter.Catalog;

/// <summary>The province the catalog describes.</summary>
/// <param name="Id">ASCII id, e.g. <c>lai-chau</c>.</param>
/// <param name="Name">Its name in both languages.</param>
public sealed record CatalogProvince(string Id, LocalizedText Name);
