namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>The test classes that share one influxd (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "influxd";
}
