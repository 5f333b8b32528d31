using System.Net;
using System.Text.Json.Nodes;
using OperationsCenter.Server.Security;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Dashboard;

/// <summary>
/// The dashboard's live log is one long response: taking the admin role away closes it, as it closes the wall's live
/// connections, instead of letting it stream on for the hour the dashboard allows.
/// </summary>
public sealed class OrleansDashboardTraceTests : IAsyncLifetime
{
    private static readonly TestUser Watcher = new("trace.watcher", "trace-watcher-password-5", [Roles.Admin]);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"oc-settings-{Guid.NewGuid():N}.json");
    private CenterHost _host = null!;

    public async Task InitializeAsync()
    {
        await WriteSettingsAsync(Watcher.Roles);
        _host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:SettingsFile"] = _file,
            ["OperationsCenter:Auth:SessionCheckInterval"] = "00:00:00.500",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public async Task The_live_log_stops_when_the_admin_role_is_taken_away()
    {
        using var client = await _host.CreateClientAsync(Watcher);
        using var response = await client.GetAsync("/orleans/Trace", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        Assert.True(await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10)) > 0, "expected the log stream's greeting");

        await WriteSettingsAsync([Roles.Operator]);
        var ended = await DrainAsync(stream, buffer).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(ended, "expected the stream to be closed");
    }

    // Reads until the server ends the response (or breaks it off); true once it has.
    private static async Task<bool> DrainAsync(Stream stream, byte[] buffer)
    {
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
        }

        return true;
    }

    private async Task WriteSettingsAsync(IEnumerable<string> roles)
    {
        var user = new JsonObject
        {
            ["Name"] = Watcher.Name,
            ["PasswordHash"] = UserDirectory.HashPassword(Watcher.Password),
            ["Roles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]),
        };
        var settings = new JsonObject { ["OperationsCenter"] = new JsonObject { ["Auth"] = new JsonObject { ["Users"] = new JsonObject { ["trace_watcher"] = user } } } };

        // Written whole and renamed into place, as an editor saves, so the watcher never reads half a file.
        var temp = _file + ".tmp";
        await File.WriteAllTextAsync(temp, settings.ToJsonString());
        File.Move(temp, _file, overwrite: true);
    }
}
