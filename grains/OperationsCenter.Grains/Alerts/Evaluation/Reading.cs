namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>How an evaluation came out, finer than <see cref="AlertCondition"/>: the evaluator's own memory.</summary>
internal enum Reading
{
    /// <summary>At or past the clear point.</summary>
    Cleared,

    /// <summary>Past the threshold.</summary>
    Breached,

    /// <summary>Between the clear point and the threshold: worth evaluating again as windows age.</summary>
    Between,

    /// <summary>Nothing to judge.</summary>
    NoData,
}
