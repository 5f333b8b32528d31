using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Grains.Series;

/// <summary>
/// The one identity of a series: its canonical key (line protocol's <c>measurement,tag=value,...</c>, tags sorted,
/// <c>department</c> among them). Everything else about the series' name is read from the key.
/// </summary>
/// <param name="Key">The canonical series key.</param>
[GenerateSerializer, Immutable]
public readonly record struct SeriesId([property: Id(0)] string Key)
{
    /// <summary>The measurement, department and tags, read from the key by the line protocol parser.</summary>
    /// <exception cref="FormatException">The key is not a series key.</exception>
    public SeriesName Parse()
    {
        var (measurement, tags) = LineProtocolReader.ParseSeriesKey(Key);
        var map = tags.ToImmutableDictionary(StringComparer.Ordinal);
        return new SeriesName(measurement, map.GetValueOrDefault(SeriesName.DepartmentTag, ""), map);
    }

    /// <summary>
    /// Which of <paramref name="partitions"/> partitions of its department holds the series: a hash of the key that is
    /// the same in every process, so every node and every restart agree.
    /// </summary>
    public int PartitionOf(int partitions) =>
        partitions <= 1 ? 0 : (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(Key)) % (uint)partitions);

    /// <inheritdoc />
    public override string ToString() => Key;
}
