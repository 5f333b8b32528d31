using System.Diagnostics;
using OperationsCenter.Testing;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>The lines that say where and on what a table was measured, so figures from two runs can be told apart.</summary>
internal static class RunContext
{
    /// <summary>Cores, memory, date, commit (and whether the checkout had uncommitted changes).</summary>
    public static async Task<string> DescribeAsync()
    {
        var commit = (await GitAsync("rev-parse --short HEAD")).Trim();
        var dirty = (await GitAsync("status --porcelain --untracked-files=no")).Trim().Length > 0 ? " with uncommitted changes" : "";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))["MemTotal:".Length..].Trim();
        return $"""
            machine: {Environment.ProcessorCount} cores, {memory} memory, {Environment.OSVersion}, .NET {Environment.Version}
            date:    {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC
            commit:  {commit}{dirty}
            """;
    }

    private static async Task<string> GitAsync(string arguments)
    {
        var start = new ProcessStartInfo("git", $"-C \"{Checkout.Root}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var git = Process.Start(start)!;
            var output = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? output : "(unknown)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(no git)";
        }
    }
}
