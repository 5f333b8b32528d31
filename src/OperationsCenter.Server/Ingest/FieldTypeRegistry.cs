using System.Collections.Concurrent;
using System.Text;
using OperationsCenter.Server.LiveState;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// The type each field was first accepted with, per measurement, so a later conflicting point is refused at ingest
/// with InfluxDB's own message instead of being acknowledged and then refused by InfluxDB.
/// </summary>
internal sealed class FieldTypeRegistry
{
    // Keyed by the UTF-8 bytes "measurement\0field", so a line's names are looked up as they are, without decoding.
    private readonly ConcurrentDictionary<byte[], FieldKind> _kinds = new(Utf8Comparer.Instance);
    private readonly ConcurrentDictionary<byte[], FieldKind>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public FieldTypeRegistry() => _lookup = _kinds.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>
    /// Records the field's type if new; returns the conflicting known type when the field already has another.
    /// </summary>
    public FieldKind? Conflict(ReadOnlySpan<byte> measurement, ReadOnlySpan<byte> field, FieldKind kind)
    {
        var length = measurement.Length + field.Length + 1;
        Span<byte> key = length <= 1024 ? stackalloc byte[length] : new byte[length];
        Join(measurement, field, key);
        if (_lookup.TryGetValue(key, out var known))
        {
            return known == kind ? null : known;
        }

        var stored = _kinds.GetOrAdd(key.ToArray(), kind);
        return stored == kind ? null : stored;
    }

    /// <summary>The type <paramref name="field"/> of <paramref name="measurement"/> is known to have; null when unknown.</summary>
    public FieldKind? Known(string measurement, string field) => _kinds.TryGetValue(Key(measurement, field), out var kind) ? kind : null;

    /// <summary>Records a type read from InfluxDB, unless this run already knows the field.</summary>
    public void Learn(string measurement, string field, FieldKind kind) => _kinds.TryAdd(Key(measurement, field), kind);

    private static byte[] Key(string measurement, string field) => [.. Encoding.UTF8.GetBytes(measurement), 0, .. Encoding.UTF8.GetBytes(field)];

    private static void Join(ReadOnlySpan<byte> measurement, ReadOnlySpan<byte> field, Span<byte> key)
    {
        measurement.CopyTo(key);
        key[measurement.Length] = 0;
        field.CopyTo(key[(measurement.Length + 1)..]);
    }

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
