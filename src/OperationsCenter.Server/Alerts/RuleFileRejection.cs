using OperationsCenter.Server.Alerts.Rules;

namespace OperationsCenter.Server.Alerts;

/// <summary>A rule file refused: what happened, and each problem with its file, rule, field and line.</summary>
/// <param name="Error">What happened.</param>
/// <param name="Problems">Each problem as one line of text.</param>
/// <param name="Details">The same problems with their parts apart (file, rule, field, problem, line), for screens that mark the line.</param>
public sealed record RuleFileRejection(string Error, IReadOnlyList<string> Problems, IReadOnlyList<RuleLoadError>? Details = null);
