using System.Diagnostics;
using System.Text.RegularExpressions;
using OperationsCenter.Simulator;

namespace OperationsCenter.Server.Tests.Security;

/// <summary>The command lines of the server binary and the simulator: help, mistyped flags, and output a shell accepts.</summary>
public sealed partial class ServerCommandTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_lists_the_commands_and_starts_nothing(string help)
    {
        var (exit, output, error) = await ServerCommand.RunAsync(help);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("keys", output);
        Assert.Contains("users", output);
        Assert.Contains("without a command it starts the center", output);
        Assert.DoesNotContain("Orleans", output + error);
    }

    [Fact]
    public async Task A_mistyped_option_is_an_error_naming_it()
    {
        var (exit, _, error) = await ServerCommand.RunAsync("keys add --departmnet so-noi-vu");

        Assert.NotEqual(0, exit);
        Assert.Contains("--departmnet", error);
        Assert.Contains("--department", error);
    }

    [Fact]
    public async Task A_department_the_catalog_does_not_know_is_refused_with_the_closest_ids()
    {
        var (exit, _, error) = await ServerCommand.RunAsync("keys add --department xa-ban-boo");

        Assert.Equal(2, exit);
        Assert.Contains("not in the catalog", error);
        Assert.Contains("xa-ban-bo", error);

        var forced = await ServerCommand.RunAsync("keys add --department xa-ban-boo --not-in-catalog --json");
        Assert.True(forced.ExitCode == 0, forced.Error);
    }

    [Fact]
    public async Task The_printed_environment_variables_are_ones_bash_accepts_and_name_the_same_entry_as_the_settings_file()
    {
        var (exit, output, error) = await ServerCommand.RunAsync("keys add --department xa-ban-bo");
        Assert.True(exit == 0, error);

        var exports = ExportLine().Matches(output).Select(m => m.Value.Trim()).ToList();
        Assert.Equal(2, exports.Count);
        var start = new ProcessStartInfo("bash", ["-c", $"set -e; {string.Join("; ", exports)}; env | grep ^OperationsCenter__DepartmentKeys__"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start)!;
        var printed = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, $"bash refused: {await bash.StandardError.ReadToEndAsync()}");
        Assert.Contains("__Department=xa-ban-bo", printed);

        // The same entry, by the same name, as the settings files hold keys: named entries under "DepartmentKeys".
        var name = Regex.Match(exports[0], "DepartmentKeys__(\\w+)__").Groups[1].Value;
        Assert.Matches($"\"{name}\": \\{{\"Department\":\"xa-ban-bo\",\"Sha256\":\"[0-9a-f]{{64}}\"\\}}", output);
    }

    [Theory]
    [InlineData("--rat", "5")]
    [InlineData("--rate", "-1")]
    [InlineData("--interval", "two")]
    public void The_simulator_refuses_a_mistyped_or_impossible_option(string name, string value) =>
        Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse([name, value]));

    [GeneratedRegex(@"^\s*export OperationsCenter__\S+=\S+$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
