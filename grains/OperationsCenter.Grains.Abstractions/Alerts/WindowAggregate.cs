namespace OperationsCenter.Grains.Alerts;

/// <summary>How a window rule folds the points of its window into one value.</summary>
public enum WindowAggregate
{
    /// <summary>Mean of the values.</summary>
    Avg,

    /// <summary>Smallest value.</summary>
    Min,

    /// <summary>Largest value.</summary>
    Max,

    /// <summary>Sum of the values.</summary>
    Sum,

    /// <summary>Number of points (an empty window counts 0, so "fewer than N points" can fire).</summary>
    Count,
}
