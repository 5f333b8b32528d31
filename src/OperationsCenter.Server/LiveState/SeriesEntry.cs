using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.LiveState;

/// <summary>A series the edge has seen: its id and the partition that holds it, worked out once (compared by reference).</summary>
internal sealed class SeriesEntry(SeriesId id, string department, int partition)
{
    private int _announced;

    public SeriesId Id => id;

    public string Department => department;

    public int Partition => partition;

    /// <summary>True the first time it is asked: the department is told of a series once per process.</summary>
    public bool Announce() => Interlocked.Exchange(ref _announced, 1) == 0;
}
