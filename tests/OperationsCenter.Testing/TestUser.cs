namespace OperationsCenter.Testing;

/// <summary>A person configured on every test server.</summary>
public sealed record TestUser(string Name, string Password, IReadOnlyList<string> Roles);
