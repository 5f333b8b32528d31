namespace OperationsCenter.Server.Security;

/// <summary>Who is signed in, for the pages: the name to show and what the person may do.</summary>
public sealed record CurrentUser(string Name, string DisplayName, IReadOnlyList<string> Roles);
