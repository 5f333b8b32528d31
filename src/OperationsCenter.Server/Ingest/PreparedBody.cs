using OperationsCenter.Server.LiveState;
using OperationsCenter.TimeSeries;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// A request's accepted lines, from one pass over the body: canonical line protocol for the spool, and what live state
/// takes of the same points; and its refused lines.
/// </summary>
/// <param name="Canonical">One line per accepted point: sorted tags with <c>department</c>, nanosecond timestamp.</param>
/// <param name="Live">The accepted points' series keys (slices of <paramref name="Canonical"/>), timestamps and numeric values.</param>
/// <param name="Points">Accepted points.</param>
/// <param name="Problems">Refused lines.</param>
/// <param name="ReceivedAt">When the request arrived (the timestamp of points sent without one).</param>
internal sealed record PreparedBody(PooledBufferWriter Canonical, LivePoints Live, int Points, IReadOnlyList<LineProblem> Problems, DateTimeOffset ReceivedAt) : IDisposable
{
    /// <summary>Returns the buffers to the pool.</summary>
    public void Dispose()
    {
        Canonical.Dispose();
        Live.Dispose();
    }
}
