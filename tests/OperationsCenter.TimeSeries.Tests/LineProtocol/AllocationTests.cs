using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>The hot path (reading valid lines with a reused scratch and touching every value) must not allocate.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Reading_a_large_body_with_a_reused_scratch_allocates_nothing()
    {
        var body = BuildBody(10_000);
        var scratch = new LineProtocolScratch();

        // Warm up: JIT tiers, grow the scratch to the largest line.
        for (var i = 0; i < 3; i++)
        {
            Touch(body, scratch);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var checksum = Touch(body, scratch);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(checksum != 0);
        Assert.Equal(0, allocated);
    }

    private static byte[] BuildBody(int lines)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            sb.Append("cpu,host=server").Append(i % 50).Append(",region=eu\\ west,zone=z").Append(i % 3)
              .Append(" usage_user=").Append(i * 0.37).Append(",usage_system=12.5,count=").Append(i).Append("i,ok=true")
              .Append(",msg=\"a \\\"quoted\\\" string\",big=").Append(i).Append("u ").Append(1_700_000_000_000_000_000L + i).Append('\n');
            if (i % 100 == 0)
            {
                sb.Append("# comment\n\n");
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static double Touch(byte[] body, LineProtocolScratch scratch)
    {
        var sum = 0d;
        var reader = new LineProtocolReader(body, Precision.Nanoseconds, scratch);
        while (reader.Read())
        {
            if (!reader.IsValid)
            {
                throw new InvalidOperationException(reader.Error);
            }

            sum += reader.Measurement.Length;
            for (var t = 0; t < reader.TagCount; t++)
            {
                sum += reader.TagKey(t).Length + reader.TagValue(t).Length;
            }

            for (var f = 0; f < reader.FieldCount; f++)
            {
                sum += reader.FieldKey(f).Length;
                if (reader.TryGetFieldNumber(f, out var number))
                {
                    sum += number;
                }
                else
                {
                    sum += reader.FieldString(f).Length;
                }
            }

            sum += reader.Timestamp ?? 0;
        }

        return sum;
    }
}
