namespace OperationsCenter.Grains.Departments;

/// <summary>One configured department.</summary>
public sealed class DepartmentEntry
{
    /// <summary>ASCII id, the value of the <c>department</c> tag.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name (Vietnamese, with diacritics).</summary>
    public string Name { get; set; } = "";
}
