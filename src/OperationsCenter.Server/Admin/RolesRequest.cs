namespace OperationsCenter.Server.Admin;

/// <summary><c>PUT /api/v1/people/{name}</c>: a person's new roles, and optionally a new display name.</summary>
/// <param name="Roles">Any of operator, leader, admin; at least one.</param>
/// <param name="DisplayName">The name shown on screens; unchanged when null.</param>
public sealed record RolesRequest(IReadOnlyList<string>? Roles, string? DisplayName = null);
