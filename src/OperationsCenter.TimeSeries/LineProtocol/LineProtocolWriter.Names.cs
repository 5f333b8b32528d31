using System.Buffers;
using System.Text;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>Names (measurement, tag keys and values, field keys): validation, escaping and tag ordering.</summary>
public static partial class LineProtocolWriter
{
    private static int WriteName(IBufferWriter<byte> output, string? name, Name kind)
    {
        if (name is null)
        {
            throw new ArgumentException($"Cannot write a null {Describe(kind)}.");
        }

        if (kind is Name.TagKey or Name.FieldKey && name is "time" or "_field" or "_measurement")
        {
            throw new ArgumentException($"Cannot write {Describe(kind)} '{name}': it is reserved by InfluxDB.");
        }

        var max = StrictUtf8.GetMaxByteCount(name.Length);
        byte[]? rented = null;
        var utf8 = max <= StackEncodeLimit ? stackalloc byte[StackEncodeLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = StrictUtf8.GetBytes(name, utf8);
            return WriteEscapedName(output, utf8[..length], kind);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int WriteEscapedName(IBufferWriter<byte> output, ReadOnlySpan<byte> name, Name kind)
    {
        var measurement = kind == Name.Measurement;
        if (LineEscaping.WhyUnwritable(name, measurement) is { } why)
        {
            throw new ArgumentException($"Cannot write {Describe(kind)} '{Encoding.UTF8.GetString(name)}': {why}.");
        }

        var written = LineEscaping.EscapeName(name, output.GetSpan(name.Length * 2), measurement);
        output.Advance(written);
        return written;
    }

    private static List<KeyValuePair<string, string>> SortedTags(IEnumerable<KeyValuePair<string, string>>? tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var list = tags is IReadOnlyCollection<KeyValuePair<string, string>> collection
            ? new List<KeyValuePair<string, string>>(collection.Count)
            : [];
        foreach (var tag in tags)
        {
            // InfluxDB drops tags without a value when it builds the series key; line protocol cannot carry them.
            if (!string.IsNullOrEmpty(tag.Value))
            {
                list.Add(tag);
            }
        }

        list.Sort(static (a, b) => Utf8Order.Compare(a.Key, b.Key));
        for (var i = 1; i < list.Count; i++)
        {
            if (string.Equals(list[i - 1].Key, list[i].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Cannot write tag key '{list[i].Key}' twice.");
            }
        }

        return list;
    }

    private static string Describe(Name kind) => kind switch
    {
        Name.Measurement => "measurement",
        Name.TagKey => "tag key",
        Name.TagValue => "tag value",
        Name.FieldKey => "field key",
        _ => "key",
    };

    /// <summary>Which kind of name is being written; decides the escaping rules and the wording of errors.</summary>
    private enum Name
    {
        Measurement,
        TagKey,
        TagValue,
        FieldKey,
        Key,
    }
}
