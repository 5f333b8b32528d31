using OperationsCenter.Catalog;

namespace OperationsCenter.Server.Catalog;

/// <summary>The catalog this server was started with, if <c>OperationsCenter:CatalogPath</c> names one.</summary>
/// <param name="Catalog">The loaded catalog; null when none is configured.</param>
/// <param name="Path">The file it was read from; null when none is configured.</param>
public sealed record ConfiguredCatalog(ProvinceCatalog? Catalog, string? Path);
