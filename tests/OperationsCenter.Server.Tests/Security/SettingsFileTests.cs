using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Security;

/// <summary>
/// Keys and people issued with the server's own commands, kept in the watched settings file, and taken away by
/// removing their entries, without a restart.
/// </summary>
public sealed class SettingsFileTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"oc-settings-{Guid.NewGuid():N}.json");
    private CenterHost _host = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_file, "{}");
        _host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:SettingsFile"] = _file,
            ["OperationsCenter:Auth:SessionCheckInterval"] = "00:00:01",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public async Task A_key_from_keys_add_writes_for_its_department_and_removing_its_entry_revokes_it()
    {
        var (exit, output, error) = await ServerCommand.RunAsync("keys add --department so-noi-vu --json");
        Assert.True(exit == 0, $"keys add failed ({exit}): {error}");
        var issued = JsonDocument.Parse(output).RootElement;
        var key = issued.GetProperty("key").GetString()!;
        var entry = issued.GetProperty("entry");
        Assert.DoesNotContain(key, entry.GetRawText());
        Assert.Equal(OperationsCenter.Server.Security.DepartmentKeyResolver.Hash(key), entry.GetProperty("Sha256").GetString());

        await WriteSettingsAsync(keys: new JsonObject { [issued.GetProperty("entryName").GetString()!] = JsonNode.Parse(entry.GetRawText()) });
        using var client = _host.CreateClient();
        await AwaitStatusAsync(() => PostAsync(client, key, "keys_cli,desk=one-stop received=1i"), HttpStatusCode.NoContent, "the new key to be accepted once the settings file has it");
        await LiveState.AwaitSeriesAsync(_host, "keys_cli", s => s.GetArrayLength() == 1 && s[0].GetProperty("key").GetString() == "keys_cli,department=so-noi-vu,desk=one-stop",
            "the point tagged with the key's department");

        await WriteSettingsAsync(keys: new JsonObject());
        var revoked = await AwaitStatusAsync(() => PostAsync(client, key, "keys_cli,desk=one-stop received=2i"), HttpStatusCode.Unauthorized,
            "the key to be refused once its entry is gone");
        using var unknown = await PostAsync(client, "oc_never-issued", "keys_cli received=3i");
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), revoked);
    }

    [Fact]
    public async Task The_plain_keys_add_output_shows_the_key_once_and_the_entry_with_only_its_hash()
    {
        var (exit, output, _) = await ServerCommand.RunAsync("keys add --department xa-ban-bo");
        Assert.Equal(0, exit);
        var key = output.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries).Single(w => w.StartsWith("oc_", StringComparison.Ordinal));
        Assert.Contains(OperationsCenter.Server.Security.DepartmentKeyResolver.Hash(key), output);
        Assert.Contains("shown only now", output);
        Assert.Contains("OperationsCenter__DepartmentKeys__", output);

        var refused = await ServerCommand.RunAsync("keys add --department \"Xã Bản Bo\"");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("lower-case ASCII", refused.Error);
    }

    [Fact]
    public async Task A_person_from_users_add_signs_in_and_loses_access_on_the_next_request_once_removed()
    {
        var (exit, output, error) = await ServerCommand.RunAsync("users add --name truc.ban --role operator --display-name \"Trực ban\" --json", "mat-khau-truc-ban-2026");
        Assert.True(exit == 0, $"users add failed ({exit}): {error}");
        var issued = JsonDocument.Parse(output).RootElement;
        Assert.DoesNotContain("mat-khau-truc-ban-2026", output);

        await WriteSettingsAsync(users: new JsonObject { ["truc.ban"] = JsonNode.Parse(issued.GetProperty("entry").GetRawText()) });
        var person = new TestUser("truc.ban", "mat-khau-truc-ban-2026", ["operator"]);
        using var client = await AwaitSignInAsync(person);
        var me = await client.GetFromJsonAsync<JsonElement>("/auth/me");
        Assert.Equal("Trực ban", me.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/overview")).StatusCode);

        await using var wall = await _host.WallConnectionAsync(person);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        wall.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await wall.StartAsync();

        await WriteSettingsAsync(users: new JsonObject());
        await AwaitStatusAsync(() => client.GetAsync("/api/v1/overview"), HttpStatusCode.Unauthorized, "the removed person's session to end");
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15)).ContinueWith(t => Assert.True(t.IsCompletedSuccessfully,
            "expected the removed person's live connection to the wall to be closed within 15 s"));
        var again = await Assert.ThrowsAsync<HttpRequestException>(() => wall.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);

        var tooShort = await ServerCommand.RunAsync("users add --name x --role operator", "short");
        Assert.Equal(2, tooShort.ExitCode);
        Assert.Contains("at least 12", tooShort.Error);
    }

    private async Task WriteSettingsAsync(JsonObject? keys = null, JsonObject? users = null)
    {
        var center = new JsonObject();
        if (keys is not null)
        {
            center["DepartmentKeys"] = keys;
        }

        if (users is not null)
        {
            center["Auth"] = new JsonObject { ["Users"] = users };
        }

        // Written whole and renamed into place, as an editor saves, so the watcher never reads half a file.
        var temp = _file + ".tmp";
        await File.WriteAllTextAsync(temp, new JsonObject { ["OperationsCenter"] = center }.ToJsonString());
        File.Move(temp, _file, overwrite: true);
    }

    private async Task<HttpClient> AwaitSignInAsync(TestUser person)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                return await _host.CreateClientAsync(person);
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc") { Content = new StringContent(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", key);
        return client.SendAsync(request);
    }

    private static async Task<string> AwaitStatusAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode last;
        string body;
        do
        {
            using var response = await send();
            last = response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
            if (last == expected)
            {
                return body;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"Timed out after 15 s waiting for {what}: expected {(int)expected}, last answer {(int)last}: {body}");
    }
}
