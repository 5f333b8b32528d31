namespace OperationsCenter.Catalog;

/// <summary>Where a figure stands against its metric's <see cref="MetricLevels"/>.</summary>
public enum LevelStatus
{
    /// <summary>On the good side of the watch level (or at it).</summary>
    Normal,

    /// <summary>Past the watch level, not past the alarm level.</summary>
    Watch,

    /// <summary>Past the alarm level.</summary>
    Alarm,
}
