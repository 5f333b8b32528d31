namespace OperationsCenter.Server.Admin;

/// <summary>A person who may sign in, as the people screen lists them (never the password hash).</summary>
/// <param name="Name">The sign-in name.</param>
/// <param name="DisplayName">The name shown on screens.</param>
/// <param name="Roles">Their roles.</param>
/// <param name="Editable">True when their entry lives in the settings file alone, so the screen may change or remove it.</param>
public sealed record PersonView(string Name, string DisplayName, IReadOnlyList<string> Roles, bool Editable);
