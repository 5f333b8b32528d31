namespace OperationsCenter.Server.Security;

/// <summary>
/// The rules for a person's <c>OperationsCenter:Auth:Users</c> entry, shared by the <c>users add</c> command and the
/// admin screen: a sign-in name, known roles, a password of at least 12 characters kept only as its hash.
/// </summary>
public static class PersonEntry
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>What is wrong with a sign-in name; null when it is one.</summary>
    public static string? NameProblem(string? name) =>
        name is null || name.Length is 0 or > 100 || name.Any(char.IsWhiteSpace)
            ? "the sign-in name is 1 to 100 characters, no spaces"
            : null;

    /// <summary>What is wrong with a set of roles; null when every one is known and there is at least one.</summary>
    public static string? RolesProblem(IReadOnlyCollection<string>? roles) =>
        roles is not { Count: > 0 } ? $"give at least one role: {string.Join(", ", Roles.All)}"
        : roles.FirstOrDefault(r => !Roles.IsValid(r)) is { } unknown
            ? $"'{unknown}' is not a role; the roles are {string.Join(", ", Roles.All)} and department:<id> (the catalog's id)"
        : null;

    /// <summary>What is wrong with a password; null when it is long enough.</summary>
    public static string? PasswordProblem(string? password) =>
        password is { Length: >= MinPasswordLength } ? null : $"the password must have at least {MinPasswordLength} characters";

    /// <summary>What is wrong with a mail address; null when it is one.</summary>
    public static string? EmailProblem(string email) =>
        MimeKit.MailboxAddress.TryParse(email, out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? null
            : $"'{email}' is not a mail address, e.g. binh@laichau.gov.vn";

    /// <summary>The entry, or the first problem with what was given.</summary>
    public static (UserAccount? Entry, string? Problem) Create(
        string? name, string? displayName, IReadOnlyCollection<string>? roles, string? password, string? email = null)
    {
        if ((NameProblem(name) ?? RolesProblem(roles) ?? PasswordProblem(password) ?? (email is null ? null : EmailProblem(email))) is { } problem)
        {
            return (null, problem);
        }

        return (new UserAccount
        {
            Name = name!,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            PasswordHash = UserDirectory.HashPassword(password!),
            Roles = [.. roles!.Distinct()],
            Email = email,
        }, null);
    }
}
