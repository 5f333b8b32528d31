using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>Each shape limit: a line at the limit is read, one past it is refused with an error naming the limit.</summary>
public sealed class LineLimitsTests
{
    private static readonly LineLimits Small = new()
    {
        MaxTagsPerPoint = 3,
        MaxFieldsPerPoint = 2,
        MaxMeasurementBytes = 8,
        MaxTagKeyBytes = 4,
        MaxTagValueBytes = 5,
        MaxFieldKeyBytes = 3,
        MaxSeriesKeyBytes = 40,
        MaxStringFieldBytes = 6,
    };

    public static TheoryData<string, string, string> AtAndPastEachLimit => new()
    {
        { "m,a=1,b=2,c=3 v=1", "m,a=1,b=2,c=3,d=4 v=1", "more than 3 on one point (limit MaxTagsPerPoint)" },
        { "m a=1,b=2", "m a=1,b=2,c=3", "more than 2 on one point (limit MaxFieldsPerPoint)" },
        { "mmmmmmmm v=1", "mmmmmmmmm v=1", "measurement is 9 bytes, over the limit of 8 (MaxMeasurementBytes)" },
        { "m\\ mmmmmm v=1", "m\\ mmmmmmm v=1", "measurement is 9 bytes" },
        { "m,kkkk=1 v=1", "m,kkkkk=1 v=1", "a tag key is 5 bytes, over the limit of 4 (MaxTagKeyBytes)" },
        { "m,k=vvvvv v=1", "m,k=vvvvvv v=1", "value of tag \"k\" is 6 bytes, over the limit of 5 (MaxTagValueBytes)" },
        { "m,k=é\\ é v=1", "m,k=éé\\ é v=1", "value of tag \"k\" is 7 bytes" },
        { "m fff=1", "m ffff=1", "a field key is 4 bytes, over the limit of 3 (MaxFieldKeyBytes)" },
        { "m s=\"ssssss\"", "m s=\"sssssss\"", "string field \"s\" is 7 bytes, over the limit of 6 (MaxStringFieldBytes)" },
        { "m s=\"ss\\\"sss\"", "m s=\"ss\\\"ssss\"", "string field \"s\" is 7 bytes" },
        { "mmmmmmm,aaaa=vvvvv,bbbb=vvvvv,cccc=vvvvv v=1", "mmmmmmmm,aaaa=vvvvv,bbbb=vvvvv,cccc=vvvvv v=1", "series key (measurement and tags as sent) is 41 bytes, over the limit of 40 (MaxSeriesKeyBytes)" },
    };

    [Theory]
    [MemberData(nameof(AtAndPastEachLimit))]
    public void A_line_at_a_limit_is_read_and_one_past_it_is_refused_naming_the_limit(string atLimit, string pastLimit, string reason)
    {
        var read = Read(atLimit + "\n" + pastLimit + "\n" + atLimit, Small);

        Assert.Equal(3, read.Count);
        Assert.True(read[0].IsValid, read[0].Error);
        Assert.False(read[1].IsValid, $"'{pastLimit}' should be refused");
        Assert.Contains(reason, read[1].Error);
        Assert.StartsWith($"unable to parse '{pastLimit}'", read[1].Error);
        Assert.True(read[2].IsValid, "the line after a refused one is read as usual");
    }

    [Fact]
    public void Without_limits_only_influxdbs_own_apply()
    {
        var tags = string.Join(",", Enumerable.Range(0, 500).Select(i => $"t{i:D4}=v"));
        var line = $"{new string('m', 1000)},{tags} {new string('f', 300)}=\"{new string('s', 100_000)}\"";

        Assert.True(Read(line, LineLimits.None).Single().IsValid);
        Assert.True(Read(line, null).Single().IsValid);
    }

    [Fact]
    public void A_line_of_very_many_unsorted_tags_is_refused_at_the_limit_without_reading_them_all()
    {
        // Unsorted tags make the duplicate check compare pairs: the count limit stops that before it grows quadratic.
        var tags = string.Join(",", Enumerable.Range(0, 200_000).Select(i => $"t{(i * 7919) % 200_000}=v"));
        var error = Read($"m,{tags} v=1", new LineLimits { MaxTagsPerPoint = 100 }).Single().Error;

        Assert.Contains("more than 100 on one point (limit MaxTagsPerPoint)", error);
    }

    [Fact]
    public void A_long_refused_line_is_quoted_by_its_start_only()
    {
        var line = "m s=\"" + new string('é', 10_000) + "\"";
        var error = Read(line, Small).Single().Error!;

        Assert.True(error.Length < 500, $"error should quote only the start of a 20 kB line, was {error.Length} chars");
        Assert.Contains($"…' ({Encoding.UTF8.GetByteCount(line)} bytes): ", error);
        Assert.DoesNotContain('\uFFFD', error);
    }

    [Fact]
    public void Reading_valid_lines_under_limits_allocates_nothing()
    {
        var limits = new LineLimits
        {
            MaxTagsPerPoint = 100, MaxFieldsPerPoint = 200, MaxMeasurementBytes = 256, MaxTagKeyBytes = 256,
            MaxTagValueBytes = 1024, MaxFieldKeyBytes = 256, MaxSeriesKeyBytes = 4096, MaxStringFieldBytes = 65536,
        };
        var sb = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            sb.Append("cpu,host=h").Append(i % 40).Append(",region=eu\\ west usage=").Append(i * 0.5)
              .Append(",count=").Append(i).Append("i,msg=\"a \\\"b\\\"\" ").Append(1_700_000_000_000_000_000L + i).Append('\n');
        }

        var body = Encoding.UTF8.GetBytes(sb.ToString());
        var scratch = new LineProtocolScratch();
        for (var warm = 0; warm < 3; warm++)
        {
            Touch(body, scratch, limits);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = Touch(body, scratch, limits);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    private static long Touch(byte[] body, LineProtocolScratch scratch, LineLimits limits)
    {
        long sum = 0;
        var reader = new LineProtocolReader(body, Precision.Nanoseconds, scratch, limits);
        while (reader.Read())
        {
            if (!reader.IsValid)
            {
                throw new InvalidOperationException(reader.Error);
            }

            sum += reader.TagCount + reader.FieldCount + reader.FieldString(2).Length;
        }

        return sum;
    }

    private static List<(bool IsValid, string? Error)> Read(string body, LineLimits? limits)
    {
        var read = new List<(bool, string?)>();
        var reader = new LineProtocolReader(Encoding.UTF8.GetBytes(body), Precision.Nanoseconds, null, limits);
        while (reader.Read())
        {
            read.Add((reader.IsValid, reader.Error));
        }

        return read;
    }
}
