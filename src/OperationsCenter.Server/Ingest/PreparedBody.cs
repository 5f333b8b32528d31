using OperationsCenter.TimeSeries;

namespace OperationsCenter.Server.Ingest;

/// <summary>A request's accepted lines as canonical line protocol, ready for the spool, and its refused lines.</summary>
/// <param name="Canonical">One line per accepted point: sorted tags with <c>department</c>, nanosecond timestamp.</param>
/// <param name="Points">Accepted points.</param>
/// <param name="Problems">Refused lines.</param>
/// <param name="ReceivedAt">When the request arrived (the timestamp of points sent without one).</param>
internal sealed record PreparedBody(PooledBufferWriter Canonical, int Points, IReadOnlyList<LineProblem> Problems, DateTimeOffset ReceivedAt) : IDisposable
{
    /// <summary>Returns the canonical buffer to the pool.</summary>
    public void Dispose() => Canonical.Dispose();
}
