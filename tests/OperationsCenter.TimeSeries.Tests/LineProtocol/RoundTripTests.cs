using System.Buffers;
using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>Property-style: write → read gives the same point, and writing is canonical (write → read → write is stable).</summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(20240611)]
    public void Generated_points_round_trip_exactly_line_by_line(int seed)
    {
        var generator = new PointGenerator(seed);
        for (var i = 0; i < 2000; i++)
        {
            var point = generator.Next();
            var line = LineProtocolWriter.ToLine(point);

            var parsed = Lines.Single(line);
            Assert.True(point.Equals(parsed), $"seed {seed} point {i}\nline:     {line}\nexpected: {point}\nactual:   {parsed}");
            Assert.Equal(line, LineProtocolWriter.ToLine(parsed));
        }
    }

    [Fact]
    public void A_body_of_generated_points_reads_back_point_for_point()
    {
        var generator = new PointGenerator(42);
        var points = Enumerable.Range(0, 3000).Select(_ => generator.Next()).ToList();
        var body = new ArrayBufferWriter<byte>();
        foreach (var point in points)
        {
            LineProtocolWriter.Write(body, point);
        }

        var read = new List<LinePoint>();
        var scratch = new LineProtocolScratch();
        var reader = new LineProtocolReader(body.WrittenSpan, Precision.Nanoseconds, scratch);
        var expectedLine = 1;
        while (reader.Read())
        {
            Assert.True(reader.IsValid, reader.Error);
            Assert.Equal(expectedLine, reader.LineNumber);
            var point = reader.ToPoint();
            read.Add(point);
            expectedLine += 1 + reader.RawLine.Count((byte)'\n');
            Assert.Equal(LineProtocolWriter.SeriesKey(point.Measurement, point.Tags), reader.GetSeriesKey());
        }

        Assert.Equal(points, read);
    }

    [Fact]
    public void Parsed_InfluxDB_examples_are_rewritten_canonically()
    {
        string[] lines =
        [
            "cpu,region=us-west,host=serverA value=1.0,i=2i,u=3u,b=T,s=\"x\" 1000000000",
            "\"measurement\\ with\\ quo⚡️es\\ and\\ emoji\",tag\\ key\\ with\\ sp🚀ces=tag\\,value\\,with\"commas\" field_k\\ey=\"string field value, only \\\" need be esc🍭ped\"",
            "cpu,regions=\\\\,\\,\\=east value=1.0",
            "m v=1.e+78,w=.5,x=-0,y=00012i",
        ];
        string[] canonical =
        [
            "cpu,host=serverA,region=us-west value=1,i=2i,u=3u,b=true,s=\"x\" 1000000000",
            lines[1],
            "cpu,regions=\\\\,\\,\\=east value=1",
            "m v=1E+78,w=0.5,x=-0,y=12i",
        ];

        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal(canonical[i], LineProtocolWriter.ToLine(Lines.Single(lines[i])));
        }
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7);
        var alphabet = Encoding.UTF8.GetBytes("ab=, \"\\\n\r#\t1.-ieEu+tfTFN");
        var scratch = new LineProtocolScratch();
        for (var round = 0; round < 2000; round++)
        {
            var body = new byte[random.Next(0, 80)];
            for (var i = 0; i < body.Length; i++)
            {
                body[i] = alphabet[random.Next(alphabet.Length)];
            }

            var reader = new LineProtocolReader(body, Precision.Seconds, scratch);
            while (reader.Read())
            {
                if (reader.IsValid)
                {
                    var point = reader.ToPoint();
                    Assert.Equal(point, Lines.Single(LineProtocolWriter.ToLine(point)));
                }
                else
                {
                    Assert.StartsWith("unable to parse '", reader.Error, StringComparison.Ordinal);
                }
            }
        }
    }
}
