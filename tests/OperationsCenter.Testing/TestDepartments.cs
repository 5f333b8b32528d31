namespace OperationsCenter.Testing;

/// <summary>The departments and keys every test host is configured with.</summary>
public static class TestDepartments
{
    /// <summary>Department ids with display names.</summary>
    public static IReadOnlyList<(string Id, string Name)> All { get; } =
    [
        ("so-noi-vu", "Sở Nội vụ"),
        ("xa-ban-bo", "Bản Bo"),
        ("phuong-tan-phong", "phường Tân Phong"),
    ];

    /// <summary>The plain key of a department (the host only holds its hash).</summary>
    public static string KeyFor(string department) => $"test-key-{department}-7f3a";
}
