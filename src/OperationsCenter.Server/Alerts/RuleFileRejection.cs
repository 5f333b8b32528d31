namespace OperationsCenter.Server.Alerts;

/// <summary>A rule file refused: what happened, and each problem with its file, rule, field and line.</summary>
public sealed record RuleFileRejection(string Error, IReadOnlyList<string> Problems);
