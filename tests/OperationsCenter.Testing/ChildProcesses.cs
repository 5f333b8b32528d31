using System.Collections.Concurrent;
using System.Diagnostics;

namespace OperationsCenter.Testing;

/// <summary>
/// Servers the tests start (influxd, redis-server) are not tied to the test host: this keeps track of them, kills
/// whatever a test forgot to dispose when the host exits normally, and stops one the way a crash would.
/// </summary>
public static class ChildProcesses
{
    private static readonly ConcurrentDictionary<Process, byte> Running = new();

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Keys)
            {
                try
                {
                    process.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        };
    }

    /// <summary>Remembers a started process.</summary>
    public static void Track(Process process) => Running.TryAdd(process, 0);

    /// <summary>Kills the process with SIGKILL (no shutdown code runs), waits for it to exit and forgets it.</summary>
    public static async Task KillAsync(Process process)
    {
        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: false);
            }

            await process.WaitForExitAsync();
            Running.TryRemove(process, out _);
        }
    }
}
