using System.Globalization;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>Memory and swap figures as Linux's <c>/proc</c> gives them: what the kernel charges, not what .NET thinks it holds.</summary>
internal static class ProcFiles
{
    /// <summary>Resident set size of a process in bytes (<c>VmRSS</c> of <c>/proc/PID/status</c>).</summary>
    public static long ResidentBytes(int processId) => Kilobytes($"/proc/{processId}/status", "VmRSS:") * 1024;

    /// <summary>Swap configured in bytes (<c>SwapTotal</c> of <c>/proc/meminfo</c>).</summary>
    public static long SwapTotalBytes() => Kilobytes("/proc/meminfo", "SwapTotal:") * 1024;

    /// <summary>Free swap in bytes (<c>SwapFree</c> of <c>/proc/meminfo</c>); 0 on a machine without swap.</summary>
    public static long SwapFreeBytes() => Kilobytes("/proc/meminfo", "SwapFree:") * 1024;

    /// <summary>Pages written to swap since boot (<c>pswpout</c> of <c>/proc/vmstat</c>): it grows only while the machine swaps.</summary>
    public static long PagesSwappedOut() =>
        File.ReadLines("/proc/vmstat").Select(l => l.Split(' ')).Where(p => p[0] == "pswpout").Select(p => long.Parse(p[1], CultureInfo.InvariantCulture)).FirstOrDefault();

    private static long Kilobytes(string file, string label) =>
        File.ReadLines(file).Where(l => l.StartsWith(label, StringComparison.Ordinal))
            .Select(l => long.Parse(l[label.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
