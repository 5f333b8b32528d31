using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Departments;

/// <summary>A department's staff see their own page and nothing else; its refused lines survive the process.</summary>
public sealed class DepartmentPageTests(DepartmentCenter fixture) : IClassFixture<DepartmentCenter>
{
    [Fact]
    public async Task Department_staff_read_their_own_page_only_and_never_the_wall()
    {
        using var commune = await fixture.Center.CreateClientAsync(TestUsers.Commune);
        Assert.Equal(HttpStatusCode.OK, (await commune.GetAsync("/api/v1/departments/xa-ban-bo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await commune.GetAsync("/department/xa-ban-bo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await commune.GetAsync("/js/department/page.js")).StatusCode);

        using var other = await commune.GetAsync("/api/v1/departments/so-noi-vu");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("only your own department", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        foreach (var path in new[] { "/department/so-noi-vu", "/api/v1/departments/so-noi-vu/points-per-day", "/", "/index.html", "/leader.html",
                     "/js/wall.js", "/api/v1/overview", "/api/v1/alerts", "/api/v1/series" })
        {
            using var response = await commune.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} answered {(int)response.StatusCode} to department staff, expected 403");
        }

        using var operatorClient = await fixture.Center.CreateClientAsync(TestUsers.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/v1/departments/xa-ban-bo")).StatusCode);
        using var admin = await fixture.Center.CreateClientAsync(TestUsers.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/departments/so-noi-vu")).StatusCode);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task Refused_lines_are_listed_with_their_reason_and_survive_a_restart(string signal)
    {
        var marker = "m" + Guid.NewGuid().ToString("N")[..8];
        using (var client = fixture.Center.CreateClient())
        {
            using var response = await IngestClient.PostLinesAsync(client, "xa-ban-bo",
                $"dossiers,desk={marker} received=5i\ndossiers,desk={marker} received=many\n");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        static JsonElement? Refused(JsonElement page, string marker) =>
            page.GetProperty("refused").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(r => r!.Value.GetProperty("line").GetString()!.Contains(marker));

        var before = await fixture.PageAsync("xa-ban-bo");
        var line = Refused(before, marker) ?? throw new Xunit.Sdk.XunitException("the refused line is not on the page");
        Assert.Equal($"dossiers,desk={marker} received=many", line.GetProperty("line").GetString());
        Assert.Contains("invalid", line.GetProperty("reason").GetString());
        Assert.Equal("line", line.GetProperty("source").GetString());
        Assert.Equal(1, before.GetProperty("lastReceived").GetProperty("points").GetInt32());

        await fixture.Center.StopAsync(signal);
        await fixture.Center.StartAgainAsync();

        var after = await fixture.PageAsync("xa-ban-bo");
        var kept = Refused(after, marker) ?? throw new Xunit.Sdk.XunitException($"the refused line is gone after a {signal} restart");
        Assert.Equal(line.GetProperty("reason").GetString(), kept.GetProperty("reason").GetString());
        Assert.Equal(line.GetProperty("at").GetDateTimeOffset(), kept.GetProperty("at").GetDateTimeOffset());
    }
}
