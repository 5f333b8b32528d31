using System.Collections.Concurrent;
using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// The type each field was first accepted with, per measurement, so a later conflicting point is refused at ingest
/// with InfluxDB's own message instead of being acknowledged and then refused by InfluxDB.
/// </summary>
internal sealed class FieldTypeRegistry
{
    private readonly ConcurrentDictionary<string, FieldKind> _kinds;
    private readonly ConcurrentDictionary<string, FieldKind>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public FieldTypeRegistry()
    {
        _kinds = new(StringComparer.Ordinal);
        _lookup = _kinds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Records the field's type if new; returns the conflicting known type when the field already has another.
    /// </summary>
    public FieldKind? Conflict(ReadOnlySpan<byte> measurement, ReadOnlySpan<byte> field, FieldKind kind)
    {
        var length = measurement.Length + field.Length + 1;
        Span<char> key = length <= 512 ? stackalloc char[length] : new char[length];
        var written = Encoding.UTF8.GetChars(measurement, key);
        key[written++] = '\0';
        written += Encoding.UTF8.GetChars(field, key[written..]);
        if (_lookup.TryGetValue(key[..written], out var known))
        {
            return known == kind ? null : known;
        }

        var stored = _kinds.GetOrAdd(key[..written].ToString(), kind);
        return stored == kind ? null : stored;
    }

    /// <summary>The type <paramref name="field"/> of <paramref name="measurement"/> is known to have; null when unknown.</summary>
    public FieldKind? Known(string measurement, string field)
    {
        var length = measurement.Length + field.Length + 1;
        Span<char> key = length <= 512 ? stackalloc char[length] : new char[length];
        measurement.CopyTo(key);
        key[measurement.Length] = '\0';
        field.CopyTo(key[(measurement.Length + 1)..]);
        return _lookup.TryGetValue(key, out var kind) ? kind : null;
    }

    /// <summary>Records a type read from InfluxDB, unless this run already knows the field.</summary>
    public void Learn(string measurement, string field, FieldKind kind) => _kinds.TryAdd(Key(measurement, field), kind);

    private static string Key(string measurement, string field) => string.Concat(measurement, "\0", field);

    /// <summary>InfluxDB's name for a type, as in its conflict messages.</summary>
    public static string InfluxName(FieldKind kind) => kind switch
    {
        FieldKind.Float => "float",
        FieldKind.Integer => "integer",
        FieldKind.UInteger => "unsigned",
        FieldKind.Boolean => "boolean",
        _ => "string",
    };
}
