namespace OperationsCenter.Catalog;

/// <summary>A text in Vietnamese and English.</summary>
/// <param name="Vi">Vietnamese, with diacritics.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Vi, string En);
