using System.Diagnostics;

namespace OperationsCenter.TimeSeries.Tests.Spool;

/// <summary>
/// A real, small file system (tmpfs of a few MiB) so "disk full" is the kernel's ENOSPC, not a simulation.
/// Mounting needs root, which the test machines give; elsewhere <see cref="TryMount"/> says why it could not.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static SmallDisk? TryMount(int megabytes, out string? reason)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "small-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", $"-t tmpfs -o size={megabytes}m tmpfs {path}");
        if (code != 0)
        {
            Directory.Delete(path);
            reason = $"mount -t tmpfs failed ({output.Trim()})";
            return null;
        }

        reason = null;
        return new SmallDisk(path);
    }

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static (int Code, string Output) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
