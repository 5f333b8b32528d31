namespace OperationsCenter.Catalog;

/// <summary>How the units' latest values of a metric combine into the province's figure.</summary>
public enum MetricAggregate
{
    /// <summary>The total over units.</summary>
    Sum,

    /// <summary>The mean over units that report it.</summary>
    Avg,

    /// <summary>The lowest unit.</summary>
    Min,

    /// <summary>The highest unit.</summary>
    Max,
}
