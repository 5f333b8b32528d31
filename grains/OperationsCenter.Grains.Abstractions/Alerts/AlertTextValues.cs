namespace OperationsCenter.Grains.Alerts;

/// <summary>What an alert's title and description templates are filled from.</summary>
/// <param name="Rule">Rule name, for <c>{rule}</c>.</param>
/// <param name="Measurement">Measurement, for <c>{measurement}</c>.</param>
/// <param name="Field">Field, for <c>{field}</c>; null for rules not about one field (deadman, deadline).</param>
/// <param name="Tags">Series tags, for <c>{department}</c> and <c>{tag:name}</c>.</param>
/// <param name="Value">The value that decided the alert, for <c>{value}</c>.</param>
/// <param name="Threshold">The rule's threshold, for <c>{threshold}</c>.</param>
/// <param name="DepartmentName">The department's display name, for <c>{department_name}</c>; the id when unknown.</param>
public sealed record AlertTextValues(
    string Rule,
    string Measurement,
    string? Field,
    IReadOnlyDictionary<string, string> Tags,
    double? Value,
    double? Threshold,
    string? DepartmentName = null);
