using BenchmarkDotNet.Configs;

namespace OperationsCenter.Benchmarks;

/// <summary>Adds the points/s and MB/s columns to the default configuration.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn(ThroughputColumn.Unit.PointsPerSecond));
        AddColumn(new ThroughputColumn(ThroughputColumn.Unit.MegabytesPerSecond));
    }
}
