using System.Buffers;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>The canonical series key of a line: escaped measurement, then its tags sorted by key with <c>department</c> set.</summary>
internal static class SeriesKeys
{
    private static readonly byte[] DepartmentTag = "department"u8.ToArray();

    /// <summary>Writes the key of the reader's current line; the department tag is added when the line lacks it.</summary>
    public static void Write(IBufferWriter<byte> output, scoped ref LineProtocolReader reader, byte[] department)
    {
        // Index -1 stands for the department tag when the line did not carry it.
        Span<int> order = reader.TagCount < 64 ? stackalloc int[reader.TagCount + 1] : new int[reader.TagCount + 1];
        var count = 0;
        var hasDepartment = false;
        for (var i = 0; i < reader.TagCount; i++)
        {
            hasDepartment |= reader.TagKey(i).SequenceEqual(DepartmentTag);
            order[count++] = i;
        }

        if (!hasDepartment)
        {
            order[count++] = -1;
        }

        // Insertion sort: tag sets are small, and usually already sorted.
        for (var i = 1; i < count; i++)
        {
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && TagKey(ref reader, order[j]).SequenceCompareTo(TagKey(ref reader, current)) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = current;
        }

        LineProtocolWriter.WriteEscapedMeasurement(output, reader.Measurement);
        foreach (var index in order[..count])
        {
            output.Write(","u8);
            LineProtocolWriter.WriteEscapedKey(output, TagKey(ref reader, index));
            output.Write("="u8);
            LineProtocolWriter.WriteEscapedKey(output, index < 0 ? department : reader.TagValue(index));
        }
    }

    private static ReadOnlySpan<byte> TagKey(scoped ref LineProtocolReader reader, int index) =>
        index < 0 ? DepartmentTag : reader.TagKey(index);
}
