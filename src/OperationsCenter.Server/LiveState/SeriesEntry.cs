using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.LiveState;

/// <summary>A series the edge has seen: its id and the partition that holds it, worked out once (compared by reference).</summary>
internal sealed class SeriesEntry(SeriesId id, string department, int partition)
{
    private int _announced;

    public SeriesId Id => id;

    public string Department => department;

    public int Partition => partition;

    /// <summary>
    /// The field names of its last point, in order: a series' points name the same fields in the same order, so a
    /// point's names are matched here by position instead of looked up. Shared by the series of the same fields, and
    /// replaced whole, never changed in place.
    /// </summary>
    public FieldName[] Fields { get; set; } = [];

    /// <summary>True the first time it is asked: the department is told of a series once per process.</summary>
    public bool Announce() => Interlocked.Exchange(ref _announced, 1) == 0;

    /// <summary>The edge's string for <paramref name="utf8"/> when the series' last point had it at <paramref name="index"/>.</summary>
    public string? FieldAt(int index, ReadOnlySpan<byte> utf8)
    {
        var fields = Fields;
        return index < fields.Length && utf8.SequenceEqual(fields[index].Utf8) ? fields[index].Name : null;
    }
}
