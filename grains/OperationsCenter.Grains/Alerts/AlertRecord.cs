namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// The stored truth of one alert (grain storage <c>alerts</c>): what operators see, and what the alert needs to go on
/// after any activation (a restart, a silo lost, a rule reload): the condition last reported, where it comes from and
/// the rule's <c>for</c>. Immutable: a change is a new record whose view carries the next revision.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertRecord
{
    /// <summary>The alert as operators see it; null when this fingerprint never fired.</summary>
    [Id(0)]
    public AlertView? View { get; init; }

    /// <summary>The condition its evaluator last reported.</summary>
    [Id(1)]
    public AlertCondition Condition { get; init; }

    /// <summary>The series or department evaluated; null for alerts stored before it was kept.</summary>
    [Id(2)]
    public AlertSource? Source { get; init; }

    /// <summary>The rule's <c>for</c> when last reported or reconciled.</summary>
    [Id(3)]
    public TimeSpan For { get; init; }

    /// <summary>The view's revision: of two records (memory and storage after a fault), the higher is newer.</summary>
    public long Revision => View?.Revision ?? 0;
}
