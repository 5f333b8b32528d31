namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>One thing wrong in a rule file, located as precisely as the file allows.</summary>
/// <param name="File">The file, as <c>folder/name.yaml</c>.</param>
/// <param name="Rule">The rule's name, when it has one.</param>
/// <param name="RuleIndex">The rule's 1-based position in the file's list, when the problem is inside a rule.</param>
/// <param name="Field">The field, dotted for nested ones (<c>match.tags</c>, <c>title.en</c>); null for the whole file or rule.</param>
/// <param name="Problem">What is wrong and what is expected.</param>
/// <param name="Line">1-based line in the file, when known.</param>
public sealed record RuleLoadError(string File, string? Rule, int? RuleIndex, string? Field, string Problem, long? Line)
{
    /// <summary>
    /// The error as one line, e.g. <c>rules/demo.yaml: rule "overdue-dossiers-rising": field "for": "5 minutes" is
    /// not a duration like 30s, 5m, 1h (line 12)</c>.
    /// </summary>
    public string Message
    {
        get
        {
            var rule = Rule is not null ? $" rule \"{Rule}\":" : RuleIndex is { } index ? $" rule #{index}:" : "";
            var fieldPart = Field is not null ? $" field \"{Field}\":" : "";
            var line = Line is { } l ? $" (line {l})" : "";
            return $"{File}:{rule}{fieldPart} {Problem}{line}";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Message;
}
