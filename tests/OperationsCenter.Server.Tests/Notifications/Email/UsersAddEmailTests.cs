using System.Text.Json;
using OperationsCenter.Server.Tests.Security;

namespace OperationsCenter.Server.Tests.Notifications.Email;

/// <summary><c>users add --email</c>: the entry carries the leader's address; a wrong one is refused with what to write.</summary>
public sealed class UsersAddEmailTests
{
    [Fact]
    public async Task Users_add_puts_the_address_in_the_entry_and_refuses_one_that_is_not_an_address()
    {
        var (exit, output, error) = await ServerCommand.RunAsync(
            "users add --name leader.binh --role leader --email binh@laichau.gov.vn --json", "mat-khau-lanh-dao-2026");
        Assert.True(exit == 0, $"users add failed ({exit}): {error}");
        var entry = JsonDocument.Parse(output).RootElement.GetProperty("entry");
        Assert.Equal("binh@laichau.gov.vn", entry.GetProperty("Email").GetString());

        var refused = await ServerCommand.RunAsync("users add --name leader.binh --role leader --email binh-at-laichau", "mat-khau-lanh-dao-2026");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--email 'binh-at-laichau' is not a mail address", refused.Error);

        // Without --email the entry is as before: no empty Email.
        var plain = await ServerCommand.RunAsync("users add --name an --role operator --json", "mat-khau-van-hanh-2026");
        Assert.False(JsonDocument.Parse(plain.Output).RootElement.GetProperty("entry").TryGetProperty("Email", out _));
    }
}
