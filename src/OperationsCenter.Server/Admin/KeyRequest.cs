namespace OperationsCenter.Server.Admin;

/// <summary><c>POST /api/v1/keys</c>: the department to issue a key for.</summary>
/// <param name="Department">The department's id, as in the catalog.</param>
/// <param name="NotInCatalog">Issue it although the catalog has no such department.</param>
public sealed record KeyRequest(string? Department, bool NotInCatalog = false);
