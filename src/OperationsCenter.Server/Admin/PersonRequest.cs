namespace OperationsCenter.Server.Admin;

/// <summary><c>POST /api/v1/people</c>: a person who signs in with a password.</summary>
/// <param name="Name">The sign-in name.</param>
/// <param name="DisplayName">The name shown on screens.</param>
/// <param name="Roles">Any of operator, leader, admin.</param>
/// <param name="Password">The initial password (at least 12 characters); only its hash is kept.</param>
public sealed record PersonRequest(string? Name, string? DisplayName, IReadOnlyList<string>? Roles, string? Password);
