namespace OperationsCenter.Catalog;

/// <summary>A catalog file that cannot be used, with every problem found in it.</summary>
public sealed class CatalogException(IReadOnlyList<CatalogError> errors)
    : Exception("The catalog is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e.Message)))
{
    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<CatalogError> Errors { get; } = errors;
}
