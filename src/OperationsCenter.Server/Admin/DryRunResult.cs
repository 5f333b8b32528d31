namespace OperationsCenter.Server.Admin;

/// <summary>What a rule file would do against live state now, rule by rule. Nothing was stored or notified.</summary>
/// <param name="File">The rule file.</param>
/// <param name="At">When the live state was judged.</param>
/// <param name="Series">Series judged.</param>
/// <param name="Rules">Every rule of the file, in file order.</param>
public sealed record DryRunResult(string File, DateTimeOffset At, int Series, IReadOnlyList<DryRunRule> Rules);
