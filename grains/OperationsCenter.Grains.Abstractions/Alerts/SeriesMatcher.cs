using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// Which series and fields a rule applies to. Every part is an exact name or a <see cref="GlobPattern"/>
/// (<c>*</c>, <c>?</c>).
/// </summary>
/// <param name="Measurement">Measurement name or pattern.</param>
/// <param name="Field">Field name or pattern; <c>*</c> for every field.</param>
/// <param name="Tags">
/// Tag key to value pattern; every listed tag must be present and match. <c>department</c> is a tag like any other.
/// </param>
[GenerateSerializer, Immutable]
public sealed record SeriesMatcher(
    [property: Id(0)] string Measurement,
    [property: Id(1)] string Field,
    [property: Id(2)] ImmutableDictionary<string, string> Tags)
{
    /// <summary>The tag that names a series' department.</summary>
    public const string DepartmentTag = "department";

    /// <summary>Whether a series with this measurement and these tags is watched (fields aside).</summary>
    public bool Matches(string measurement, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(tags);
        if (!GlobPattern.IsMatch(Measurement, measurement))
        {
            return false;
        }

        foreach (var (key, pattern) in Tags)
        {
            // A missing tag never matches, even "*": a rule on desks should not catch series without a desk.
            if (!tags.TryGetValue(key, out var value) || !GlobPattern.IsMatch(pattern, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a field of a matched series is watched.</summary>
    public bool MatchesField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return GlobPattern.IsMatch(Field, field);
    }

    /// <summary>
    /// Whether a department can have matching series at all: true when the matcher says nothing about the
    /// department or its pattern matches. For department-scoped deadman and deadline rules.
    /// </summary>
    public bool MatchesDepartment(string department)
    {
        ArgumentNullException.ThrowIfNull(department);
        return !Tags.TryGetValue(DepartmentTag, out var pattern) || GlobPattern.IsMatch(pattern, department);
    }
}
