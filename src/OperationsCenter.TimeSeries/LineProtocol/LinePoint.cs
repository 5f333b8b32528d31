using System.Globalization;
using System.Text;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// A materialized point (allocates; for tests, JSON feeds, and tools).
/// </summary>
/// <remarks>
/// Equality is structural: same measurement, same tags in the same order, same fields in the same order
/// (values compared as <see cref="FieldValue"/> does) and the same timestamp. Points produced by
/// <see cref="LineProtocolReader.ToPoint"/> have their tags sorted by key, as InfluxDB stores them.
/// </remarks>
/// <param name="Measurement">The measurement name, unescaped.</param>
/// <param name="Tags">The tag set, unescaped.</param>
/// <param name="Fields">The field set, unescaped, in line order.</param>
/// <param name="Timestamp">Nanoseconds since the Unix epoch, or null when the line had none.</param>
public sealed record LinePoint(
    string Measurement,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    IReadOnlyList<KeyValuePair<string, FieldValue>> Fields,
    long? Timestamp)
{
    /// <summary>Compares two points structurally (the lists by content, not by reference).</summary>
    /// <param name="other">The other point.</param>
    /// <returns>True when both points hold the same data.</returns>
    public bool Equals(LinePoint? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null
            || !string.Equals(Measurement, other.Measurement, StringComparison.Ordinal)
            || Timestamp != other.Timestamp
            || Tags.Count != other.Tags.Count
            || Fields.Count != other.Fields.Count)
        {
            return false;
        }

        for (var i = 0; i < Tags.Count; i++)
        {
            if (!string.Equals(Tags[i].Key, other.Tags[i].Key, StringComparison.Ordinal)
                || !string.Equals(Tags[i].Value, other.Tags[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            if (!string.Equals(Fields[i].Key, other.Fields[i].Key, StringComparison.Ordinal)
                || !Fields[i].Value.Equals(other.Fields[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Hashes the point consistently with <see cref="Equals(LinePoint?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Measurement, StringComparer.Ordinal);
        hash.Add(Timestamp);
        foreach (var tag in Tags)
        {
            hash.Add(tag.Key, StringComparer.Ordinal);
            hash.Add(tag.Value, StringComparer.Ordinal);
        }

        foreach (var field in Fields)
        {
            hash.Add(field.Key, StringComparer.Ordinal);
            hash.Add(field.Value);
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// A readable, never-throwing rendering for diagnostics (test failures, logs). It resembles line protocol but
    /// is not escaped; use <see cref="LineProtocolWriter.ToLine"/> for real line protocol.
    /// </summary>
    /// <returns>The rendering.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder(Measurement);
        foreach (var tag in Tags)
        {
            sb.Append(',').Append(tag.Key).Append('=').Append(tag.Value);
        }

        sb.Append(' ');
        for (var i = 0; i < Fields.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Fields[i].Key).Append('=').Append(Fields[i].Value.ToString());
        }

        if (Timestamp is { } ts)
        {
            sb.Append(' ').Append(ts.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
