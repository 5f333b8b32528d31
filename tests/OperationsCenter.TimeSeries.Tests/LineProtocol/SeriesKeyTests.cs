using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>The canonical series key used as a grain key.</summary>
public sealed class SeriesKeyTests
{
    [Fact]
    public void Escaped_measurement_then_sorted_tags()
    {
        var key = LineProtocolWriter.SeriesKey("cpu load", [new("region", "us west"), new("host", "a,b"), new("empty", "")]);

        Assert.Equal(@"cpu\ load,host=a\,b,region=us\ west", key);
    }

    [Fact]
    public void Without_tags_it_is_the_escaped_measurement()
    {
        Assert.Equal(@"a\,b", LineProtocolWriter.SeriesKey("a,b", []));
    }

    [Fact]
    public void The_reader_builds_the_same_key_whatever_the_tag_order_or_escaping()
    {
        string[] lines =
        [
            @"cpu\ load,region=us\ west,host=a\,b v=1",
            @"cpu\ load,host=a\,b,region=us\ west w=2i 5",
        ];

        foreach (var line in lines)
        {
            var reader = new LineProtocolReader(Encoding.UTF8.GetBytes(line));
            Assert.True(reader.Read());
            Assert.Equal(@"cpu\ load,host=a\,b,region=us\ west", reader.GetSeriesKey());
            var point = reader.ToPoint();
            Assert.Equal(reader.GetSeriesKey(), LineProtocolWriter.SeriesKey(point.Measurement, point.Tags));
        }
    }

    [Fact]
    public void Repeated_tag_keys_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LineProtocolWriter.SeriesKey("m", [new("a", "1"), new("a", "2")]));
    }

    [Fact]
    public void There_is_no_series_key_for_an_invalid_line()
    {
        var reader = new LineProtocolReader("cpu,host v=1"u8);
        Assert.True(reader.Read());
        try
        {
            reader.GetSeriesKey();
            Assert.Fail("GetSeriesKey on an invalid line must throw.");
        }
        catch (InvalidOperationException e)
        {
            Assert.EndsWith("missing tag value", e.Message, StringComparison.Ordinal);
        }
    }
}
