namespace OperationsCenter.Catalog;

/// <summary>Which way a metric gets better.</summary>
public enum MetricDirection
{
    /// <summary>Higher is better.</summary>
    Up,

    /// <summary>Lower is better.</summary>
    Down,
}
