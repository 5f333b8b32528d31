using OperationsCenter.Server.Telemetry;

namespace OperationsCenter.Server.Wall;

/// <summary>
/// Counts the grain calls made on behalf of the wall's read model, by path: <c>seed</c> (loading it from the grains)
/// and <c>snapshot</c> (a connecting page's snapshot, which must make none). Exported as
/// <c>oc_wall_grain_calls_total{path}</c>, so a test or an operator can see that a wall of reconnecting screens does
/// not reach the grains. A path is marked with <see cref="Mark"/> around the code it covers.
/// </summary>
internal sealed class WallGrainCalls(CenterMetrics metrics) : IOutgoingGrainCallFilter
{
    /// <summary>Loading the read model from the grains.</summary>
    public const string Seed = "seed";

    /// <summary>Building a connecting page's snapshot.</summary>
    public const string Snapshot = "snapshot";

    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>Marks the grain calls of this asynchronous flow as <paramref name="path"/>'s until disposed.</summary>
    public static IDisposable Mark(string path)
    {
        var previous = Current.Value;
        Current.Value = path;
        return new Unmark(previous);
    }

    /// <inheritdoc />
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (Current.Value is { } path)
        {
            metrics.WallGrainCall(path);
        }

        return context.Invoke();
    }

    private sealed class Unmark(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
