using OperationsCenter.Server.Security;

namespace OperationsCenter.Testing;

/// <summary>The people every test host is configured with, one per role and one with all three.</summary>
public static class TestUsers
{
    /// <summary>Watches the wall and acknowledges.</summary>
    public static TestUser Operator { get; } = new("operator.an", "wall-password-an-1", [Roles.Operator], "Nguyễn Văn An");

    /// <summary>Gets leader-routed alerts.</summary>
    public static TestUser Leader { get; } = new("leader.binh", "leader-password-binh-2", [Roles.Leader], "Trần Thị Bình");

    /// <summary>Rules, silences, keys; cannot see the wall.</summary>
    public static TestUser Admin { get; } = new("admin.chi", "admin-password-chi-3", [Roles.Admin], "Lê Minh Chi");

    /// <summary>All three roles, for tests about something else than roles.</summary>
    public static TestUser Supervisor { get; } = new("supervisor.dung", "supervisor-password-dung-4", [Roles.Operator, Roles.Leader, Roles.Admin], "Phạm Văn Dũng");

    /// <summary>Staff of the commune xa-ban-bo: its own department page only.</summary>
    public static TestUser Commune { get; } = new("canbo.bo", "commune-password-bo-5", [Roles.Department("xa-ban-bo")], "Cán bộ xã Bản Bo");

    /// <summary>Every test user.</summary>
    public static IReadOnlyList<TestUser> All { get; } = [Operator, Leader, Admin, Supervisor, Commune];

    // Hashing is slow on purpose (PBKDF2): hash once per test process.
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Hashes = new(() =>
        All.ToDictionary(u => u.Name, u => UserDirectory.HashPassword(u.Password)));

    /// <summary>Configuration entries for every test user, under <c>OperationsCenter:Auth:Users</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        foreach (var user in All)
        {
            var prefix = $"OperationsCenter:Auth:Users:{user.Name}:";
            yield return new(prefix + "Name", user.Name);
            yield return new(prefix + "PasswordHash", Hashes.Value[user.Name]);
            if (user.DisplayName is { } displayName)
            {
                yield return new(prefix + "DisplayName", displayName);
            }

            for (var i = 0; i < user.Roles.Count; i++)
            {
                yield return new($"{prefix}Roles:{i}", user.Roles[i]);
            }
        }
    }
}
