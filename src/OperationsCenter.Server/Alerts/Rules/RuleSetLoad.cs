using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>
/// The outcome of loading a rules folder. A file with any error contributes no rules, and then the load as a whole
/// has failed: a caller reloading on change keeps its previous rules and reports <see cref="Errors"/>.
/// </summary>
/// <param name="Rules">Rules of the files that loaded cleanly, in file then list order.</param>
/// <param name="Errors">Every problem found; empty when the load succeeded.</param>
/// <param name="Files">The files read, as <c>folder/name.yaml</c>.</param>
public sealed record RuleSetLoad(ImmutableArray<AlertRule> Rules, ImmutableArray<RuleLoadError> Errors, ImmutableArray<string> Files)
{
    /// <summary>Whether every file loaded without error.</summary>
    public bool Succeeded => Errors.IsEmpty;
}
