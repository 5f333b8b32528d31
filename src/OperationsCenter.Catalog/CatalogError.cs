namespace OperationsCenter.Catalog;

/// <summary>One thing wrong in a catalog file.</summary>
/// <param name="File">The file as given to the reader.</param>
/// <param name="Entry">The entry, e.g. <c>department #3 "so-noi-vu"</c> or <c>metric "dossiers.overdue"</c>; null for the file.</param>
/// <param name="Field">The field, dotted for nested ones (<c>name.en</c>); null for a whole entry.</param>
/// <param name="Problem">What is wrong and what is expected.</param>
/// <param name="Line">1-based line, when known.</param>
public sealed record CatalogError(string File, string? Entry, string? Field, string Problem, long? Line)
{
    /// <summary>
    /// One line, e.g. <c>catalog/laichau.yaml: metric "dossiers.overdue": field "unit.en": is missing (line 40)</c>.
    /// </summary>
    public string Message =>
        $"{File}:{(Entry is null ? "" : $" {Entry}:")}{(Field is null ? "" : $" field \"{Field}\":")} {Problem}{(Line is { } l ? $" (line {l})" : "")}";

    /// <inheritdoc />
    public override string ToString() => Message;
}
