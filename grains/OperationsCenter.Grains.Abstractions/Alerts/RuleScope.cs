namespace OperationsCenter.Grains.Alerts;

/// <summary>What must keep reporting for a deadman or deadline rule to stay quiet.</summary>
public enum RuleScope
{
    /// <summary>Each matched series on its own: one alert per silent series.</summary>
    Series,

    /// <summary>A department as a whole: any matched series of it counts; one alert per silent department.</summary>
    Department,
}
