using System.Buffers;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>Canonical output straight from a reader's current line, for the ingest path (no allocation).</summary>
public static partial class LineProtocolWriter
{
    /// <summary>
    /// Writes the current line's field set canonically (<c>k=v,k=v</c>): keys escaped, floats in shortest
    /// round-trip form, integers with <c>i</c>, unsigned with <c>u</c>, strings quoted and escaped.
    /// </summary>
    public static void WriteFieldSet(IBufferWriter<byte> output, scoped ref LineProtocolReader line)
    {
        for (var i = 0; i < line.FieldCount; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            WriteEscapedKey(output, line.FieldKey(i));
            output.Write("="u8);
            switch (line.FieldKindAt(i))
            {
                case FieldKind.Float:
                    WriteFormatted(output, line.FieldFloat(i));
                    break;
                case FieldKind.Integer:
                    WriteFormatted(output, line.FieldInteger(i));
                    output.Write("i"u8);
                    break;
                case FieldKind.UInteger:
                    WriteFormatted(output, line.FieldUInteger(i));
                    output.Write("u"u8);
                    break;
                case FieldKind.Boolean:
                    output.Write(line.FieldBoolean(i) ? "true"u8 : "false"u8);
                    break;
                default:
                    var value = line.FieldString(i);
                    output.Write("\""u8);
                    output.Advance(LineEscaping.EscapeString(value, output.GetSpan(Math.Max(1, value.Length * 2))));
                    output.Write("\""u8);
                    break;
            }
        }
    }

    /// <summary>Writes <c> timestamp\n</c> in nanoseconds, ending the line.</summary>
    public static void WriteTimestamp(IBufferWriter<byte> output, long nanoseconds)
    {
        output.Write(" "u8);
        WriteFormatted(output, nanoseconds);
        output.Write("\n"u8);
    }
}
