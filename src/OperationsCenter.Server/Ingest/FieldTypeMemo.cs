using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// One request's view of <see cref="FieldTypeRegistry"/>: a line whose measurement and fields (names and types, in
/// order) are those of the line before it, as in most bodies, is settled by comparing bytes instead of a lookup.
/// </summary>
internal sealed class FieldTypeMemo(FieldTypeRegistry registry)
{
    private readonly List<(byte[] Field, FieldKind Kind)> _fields = new(8);
    private byte[] _measurement = [];

    /// <summary>As <see cref="FieldTypeRegistry.Conflict"/>, for the field at <paramref name="index"/> of its line.</summary>
    public FieldKind? Conflict(ReadOnlySpan<byte> measurement, int index, ReadOnlySpan<byte> field, FieldKind kind)
    {
        if (index < _fields.Count && _fields[index].Kind == kind && field.SequenceEqual(_fields[index].Field) && measurement.SequenceEqual(_measurement))
        {
            return null;
        }

        var conflict = registry.Conflict(measurement, field, kind);
        if (conflict is null)
        {
            Remember(measurement, index, field, kind);
        }

        return conflict;
    }

    private void Remember(ReadOnlySpan<byte> measurement, int index, ReadOnlySpan<byte> field, FieldKind kind)
    {
        if (!measurement.SequenceEqual(_measurement))
        {
            _measurement = measurement.ToArray();
            _fields.Clear();
        }

        if (index < _fields.Count)
        {
            _fields[index] = (field.ToArray(), kind);
        }
        else if (index == _fields.Count)
        {
            _fields.Add((field.ToArray(), kind));
        }
    }
}
