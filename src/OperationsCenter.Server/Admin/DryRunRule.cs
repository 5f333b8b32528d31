namespace OperationsCenter.Server.Admin;

/// <summary>One rule of a dry run: how many series or units it judged, and those it finds breached now.</summary>
/// <param name="Name">The rule.</param>
/// <param name="Kind">Its kind (threshold, window, …).</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Owner">The department owning its alerts.</param>
/// <param name="For">How long a breach must hold before it fires (seconds); 0 fires at once.</param>
/// <param name="Evaluated">Series or units it was judged on.</param>
/// <param name="Breached">Those breached now: they would fire (after <paramref name="For"/>).</param>
public sealed record DryRunRule(string Name, string Kind, string Severity, string Owner, double For, int Evaluated, IReadOnlyList<DryRunHit> Breached);
