using System.Buffers;
using System.Globalization;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>The field set: keys and typed values.</summary>
public static partial class LineProtocolWriter
{
    private static void WriteFields(IBufferWriter<byte> output, IReadOnlyList<KeyValuePair<string, FieldValue>> fields, int keyLength)
    {
        EnsureDistinctFieldKeys(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            var (key, value) = fields[i];
            if (i > 0)
            {
                output.Write(","u8);
            }
            else if (key is { Length: > 0 } && key[0] is '\t' or '\0')
            {
                // The reader skips whitespace before the field set, so this key would lose its first character.
                throw new ArgumentException($"Cannot write field key '{key}': the first field key must not start with a tab or NUL.");
            }

            var keyBytes = WriteName(output, key, Name.FieldKey);
            if (keyLength + 4 + keyBytes > LineErrors.MaxKeyLength)
            {
                throw new ArgumentException($"Cannot write field '{key}': {LineErrors.MaxKeyLengthExceeded(keyLength + 4 + keyBytes)}.");
            }

            output.Write("="u8);
            WriteValue(output, key, value);
        }
    }

    private static void WriteValue(IBufferWriter<byte> output, string key, FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldKind.Float:
                if (!double.IsFinite(value.Float))
                {
                    throw new ArgumentException($"Cannot write field '{key}': line protocol has no NaN or infinity ({value.Float}).");
                }

                WriteFormatted(output, value.Float);
                break;
            case FieldKind.Integer:
                WriteFormatted(output, value.Integer);
                output.Write("i"u8);
                break;
            case FieldKind.UInteger:
                WriteFormatted(output, value.UInteger);
                output.Write("u"u8);
                break;
            case FieldKind.Boolean:
                output.Write(value.Boolean ? "true"u8 : "false"u8);
                break;
            default:
                output.Write("\""u8);
                WriteEscapedString(output, value.String ?? string.Empty);
                output.Write("\""u8);
                break;
        }
    }

    private static void WriteFormatted<T>(IBufferWriter<byte> output, T value)
        where T : IUtf8SpanFormattable
    {
        // "R" is the shortest string that parses back to the same double; integers ignore the format.
        var destination = output.GetSpan(32);
        if (!value.TryFormat(destination, out var written, typeof(T) == typeof(double) ? "R" : default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A number did not fit in 32 bytes.");
        }

        output.Advance(written);
    }

    private static void WriteEscapedString(IBufferWriter<byte> output, string value)
    {
        var max = StrictUtf8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var utf8 = max <= StackEncodeLimit ? stackalloc byte[StackEncodeLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = StrictUtf8.GetBytes(value, utf8);
            var written = LineEscaping.EscapeString(utf8[..length], output.GetSpan(Math.Max(1, length * 2)));
            output.Advance(written);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void EnsureDistinctFieldKeys(IReadOnlyList<KeyValuePair<string, FieldValue>> fields)
    {
        // A repeated key is legal line protocol but InfluxDB keeps only the last value, so the written point would
        // not read back as the same point.
        for (var i = 1; i < fields.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(fields[i].Key, fields[j].Key, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Cannot write field key '{fields[i].Key}' twice.");
                }
            }
        }
    }
}
