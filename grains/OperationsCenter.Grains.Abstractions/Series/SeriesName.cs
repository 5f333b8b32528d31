using System.Collections.Immutable;

namespace OperationsCenter.Grains.Series;

/// <summary>What a <see cref="SeriesId"/> names: measurement, department and tags.</summary>
/// <param name="Measurement">Measurement.</param>
/// <param name="Department">Department id (the <c>department</c> tag).</param>
/// <param name="Tags">All tags, including <c>department</c>.</param>
public sealed record SeriesName(string Measurement, string Department, ImmutableDictionary<string, string> Tags)
{
    /// <summary>The tag every series carries: the department that owns it.</summary>
    public const string DepartmentTag = "department";
}
