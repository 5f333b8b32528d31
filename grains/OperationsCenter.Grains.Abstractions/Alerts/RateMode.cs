namespace OperationsCenter.Grains.Alerts;

/// <summary>How a rate rule measures change over its window.</summary>
public enum RateMode
{
    /// <summary>Newest value minus the oldest value in the window, in the field's unit.</summary>
    Absolute,

    /// <summary>That change as a percentage of the oldest value (+20 means grew by a fifth).</summary>
    Percent,
}
