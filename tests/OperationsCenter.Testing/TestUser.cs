namespace OperationsCenter.Testing;

/// <summary>A person configured on every test server.</summary>
/// <param name="Name">Sign-in name.</param>
/// <param name="Password">Password.</param>
/// <param name="Roles">Roles.</param>
/// <param name="DisplayName">The name screens show; none configured (the sign-in name shows) when null.</param>
public sealed record TestUser(string Name, string Password, IReadOnlyList<string> Roles, string? DisplayName = null);
