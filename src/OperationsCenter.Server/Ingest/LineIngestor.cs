using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using OperationsCenter.Grains;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Turns a line protocol body into accepted points for one department: validates each line, enforces the
/// <c>department</c> tag, and merges the numeric fields into the edge batcher. Invalid lines are reported and
/// skipped; the others are kept (InfluxDB's partial write).
/// </summary>
internal sealed class LineIngestor(SeriesBatcher batcher, LiveStateClock clock)
{
    private static readonly byte[] DepartmentTag = "department"u8.ToArray();

    /// <summary>Ingests <paramref name="body"/> on behalf of <paramref name="department"/>.</summary>
    public IngestResult Ingest(ReadOnlySpan<byte> body, Precision precision, string department)
    {
        var receivedAt = clock.UtcNow;
        var receivedNanos = UnixNanos.From(receivedAt);
        var departmentBytes = Encoding.UTF8.GetBytes(department);
        var keyBuffer = new ArrayBufferWriter<byte>(256);
        char[] keyChars = ArrayPool<char>.Shared.Rent(256);
        List<LineProblem>? problems = null;
        var accepted = 0;
        try
        {
            var reader = new LineProtocolReader(body, precision, new LineProtocolScratch());
            while (reader.Read())
            {
                if (!reader.IsValid)
                {
                    (problems ??= []).Add(new LineProblem(reader.LineNumber, reader.Error ?? "invalid line", false));
                    continue;
                }

                if (ForeignDepartment(ref reader, departmentBytes) is { } other)
                {
                    (problems ??= []).Add(new LineProblem(reader.LineNumber,
                        $"tag department=\"{other}\" is not this key's department \"{department}\"; " +
                        "omit the department tag (the center sets it) or write with that department's own key", true));
                    continue;
                }

                keyBuffer.ResetWrittenCount();
                WriteSeriesKey(ref reader, departmentBytes, keyBuffer);
                var keyLength = Encoding.UTF8.GetMaxCharCount(keyBuffer.WrittenCount);
                if (keyChars.Length < keyLength)
                {
                    ArrayPool<char>.Shared.Return(keyChars);
                    keyChars = ArrayPool<char>.Shared.Rent(keyLength);
                }

                var key = keyChars.AsSpan(0, Encoding.UTF8.GetChars(keyBuffer.WrittenSpan, keyChars));
                var identity = batcher.FindIdentity(key) ?? batcher.AddIdentity(BuildIdentity(ref reader, key, department));
                var timestamp = reader.Timestamp ?? receivedNanos;

                using (var lease = batcher.Acquire(identity))
                {
                    lease.Series.CountPoint(receivedAt);
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (reader.TryGetFieldNumber(i, out var value))
                        {
                            lease.Series.Add(reader.FieldKey(i), value, timestamp);
                        }
                    }
                }

                accepted++;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(keyChars);
        }

        return new IngestResult(accepted, problems ?? (IReadOnlyList<LineProblem>)[]);
    }

    /// <summary>The other department a line names, or null when it names none or this one.</summary>
    private static string? ForeignDepartment(ref LineProtocolReader reader, byte[] department)
    {
        for (var i = 0; i < reader.TagCount; i++)
        {
            if (reader.TagKey(i).SequenceEqual(DepartmentTag))
            {
                var value = reader.TagValue(i);
                return value.SequenceEqual(department) ? null : Encoding.UTF8.GetString(value);
            }
        }

        return null;
    }

    /// <summary>Canonical key: escaped measurement, then tags sorted by key with <c>department</c> set.</summary>
    private static void WriteSeriesKey(ref LineProtocolReader reader, byte[] department, IBufferWriter<byte> output)
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

        // Insertion sort: tag sets are small.
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

    private static ReadOnlySpan<byte> TagKey(ref LineProtocolReader reader, int index) =>
        index < 0 ? DepartmentTag : reader.TagKey(index);

    private static SeriesIdentity BuildIdentity(ref LineProtocolReader reader, ReadOnlySpan<char> key, string department)
    {
        var tags = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < reader.TagCount; i++)
        {
            tags[Encoding.UTF8.GetString(reader.TagKey(i))] = Encoding.UTF8.GetString(reader.TagValue(i));
        }

        tags["department"] = department;
        return new SeriesIdentity(key.ToString(), Encoding.UTF8.GetString(reader.Measurement), department, tags.ToImmutable());
    }
}
