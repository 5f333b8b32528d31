namespace OperationsCenter.Grains.Alerts;

/// <summary>Which side of the threshold breaks a rule.</summary>
public enum ThresholdOperator
{
    /// <summary>Values strictly above the threshold break the rule.</summary>
    Above,

    /// <summary>Values strictly below the threshold break the rule.</summary>
    Below,
}
