using OperationsCenter.Testing;
using Xunit.Abstractions;

namespace OperationsCenter.Browser.Tests;

/// <summary>The wall against the real server: a value written over HTTP changes on the wall without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallLiveTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Wall_shows_departments_and_a_written_value_changes_without_reload()
    {
        await using var host = await CenterHost.StartAsync();
        await using var wall = await WallPage.OpenAsync(browser.Browser, host.BaseAddress, output, nameof(Wall_shows_departments_and_a_written_value_changes_without_reload));

        await wall.ExpectConnectedAsync();
        Assert.NotEmpty(CenterHost.Departments);
        foreach (var department in CenterHost.Departments)
        {
            await wall.ExpectDepartmentAsync(department);
        }

        var dep = CenterHost.Departments[0];
        var key = WallPage.SeriesKey("dossiers", dep, "desk", "main");

        await host.WriteLinesAsync(dep, "dossiers,desk=main received=41i");
        await wall.ExpectFieldValueAsync(dep, key, "received", "41");

        await host.WriteLinesAsync(dep, "dossiers,desk=main received=42i");
        await wall.ExpectFieldValueAsync(dep, key, "received", "42");

        await wall.ExpectNotReloadedAsync();
        var text = await wall.Field(dep, key, "received").TextContentAsync();
        Assert.True(text?.Trim() == "42", $"Expected the field to read \"42\" (vi-VN formatting), got \"{text}\".");
    }
}
