namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>The machine's swap at one moment, to tell afterwards whether a memory figure was taken while it swapped.</summary>
internal sealed record SwapReading(long TotalBytes, long FreeBytes, long PagesOut)
{
    /// <summary>Reads <c>/proc/meminfo</c> and <c>/proc/vmstat</c>.</summary>
    public static SwapReading Now() => new(ProcFiles.SwapTotalBytes(), ProcFiles.SwapFreeBytes(), ProcFiles.PagesSwappedOut());

    /// <summary>True when pages went out to swap between <paramref name="before"/> and this reading.</summary>
    public bool SwappedSince(SwapReading before) => PagesOut > before.PagesOut;

    /// <summary>What happened since <paramref name="before"/>, in words.</summary>
    public string DescribeSince(SwapReading before) =>
        (TotalBytes == 0 ? "no swap configured" : $"SwapFree {before.FreeBytes >> 20} → {FreeBytes >> 20} MiB of {TotalBytes >> 20} MiB")
        + $", pswpout +{PagesOut - before.PagesOut} pages"
        + (SwappedSince(before) ? " (SWAPPED)" : " (not swapping)");
}
