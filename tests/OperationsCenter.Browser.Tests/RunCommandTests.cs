using OperationsCenter.Catalog;
using OperationsCenter.Testing;
using Xunit.Abstractions;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// The run command (and the cluster command) brings up a living control room, shows every reporting unit, and Ctrl-C
/// stops it all.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RunCommandTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TestUser DemoOperator = new("vanhanh", "laichau-vanhanh", ["operator"]);

    [Fact]
    public async Task The_run_command_shows_every_reporting_unit_with_live_data_and_ctrl_c_stops_everything_it_started()
    {
        await using var run = RunCommand.Start();
        try
        {
            var wallAddress = await run.WallAsync(TimeSpan.FromMinutes(4));
            Assert.Contains("vanhanh / laichau-vanhanh", run.Output);

            await using var wall = await WallPage.OpenAsync(browser.Browser, wallAddress, output, "run-command", "/", 1920, 1080, DemoOperator);
            await wall.ExpectConnectedAsync(TimeSpan.FromSeconds(30));
            var units = DemoUnits();
            Assert.True(units.Count >= 50, $"expected the demo to configure every Lai Châu unit, found {units.Count}");
            foreach (var unit in units)
            {
                await wall.ExpectDepartmentAsync(unit);
            }

            // The demo feed is running: units report and turn fresh.
            await wall.ExpectAsync("at least 40 units fresh within 60 s: the demo feed reports for every unit",
                () => wall.Page.WaitForFunctionAsync(
                    "() => document.querySelectorAll(\"[data-testid='department'][data-freshness='fresh']\").length >= 40", null, new() { Timeout = 60_000 }));
            var path = await wall.SaveScreenshotAsync("run-command-wall.png");
            output.WriteLine($"screenshot: {path}");
        }
        finally
        {
            output.WriteLine(run.Output);
        }

        await run.InterruptAsync(TimeSpan.FromSeconds(60));
        Assert.All(run.Ports, port => Assert.False(RunCommand.Listening(port), $"port {port} still answers after Ctrl-C: the run command must stop what it started"));
    }

    [Fact]
    public async Task The_cluster_command_serves_the_living_wall_through_nginx_and_ctrl_c_stops_every_node()
    {
        await using var run = RunCommand.StartCluster(2);
        try
        {
            var wallAddress = await run.WallAsync(TimeSpan.FromMinutes(4));
            Assert.Contains("2 nodes behind nginx", run.Output);

            // Signed in through nginx (any node), the hub on the node the cookie hashes to, the feed spread over both.
            await using var wall = await WallPage.OpenAsync(browser.Browser, wallAddress, output, "cluster-command", "/", 1920, 1080, DemoOperator);
            await wall.ExpectConnectedAsync(TimeSpan.FromSeconds(30));
            await wall.ExpectAsync("at least 40 units fresh within 60 s: the demo feed reaches the wall whichever node took each report",
                () => wall.Page.WaitForFunctionAsync(
                    "() => document.querySelectorAll(\"[data-testid='department'][data-freshness='fresh']\").length >= 40", null, new() { Timeout = 60_000 }));
            output.WriteLine($"screenshot: {await wall.SaveScreenshotAsync("cluster-command-wall.png")}");
        }
        finally
        {
            output.WriteLine(run.Output);
        }

        await run.InterruptAsync(TimeSpan.FromSeconds(90));
        Assert.All(run.Ports, port => Assert.False(RunCommand.Listening(port), $"port {port} still answers after Ctrl-C: the cluster command must stop what it started"));
    }

    /// <summary>The units the demo reports for: the catalog's departments.</summary>
    private static List<string> DemoUnits() =>
        [.. CatalogReader.Load(Checkout.PathOf("catalog/laichau.yaml")).Departments.Select(d => d.Id)];
}
