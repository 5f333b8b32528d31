using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

public sealed class RawFieldSetTests
{
    [Fact]
    public void The_raw_field_set_is_the_fields_exactly_as_sent_on_every_line()
    {
        var body = Encoding.UTF8.GetBytes(
            "first value=1.50 1\r\n" +
            "# a comment\n" +
            "second,t=a\\ b f\\ k=\"x, y=z\",n=3i,b=T\n" +
            "   third\\,m v=-2e3,s=\"line\nbreak\" 7\n");
        var reader = new LineProtocolReader(body, Precision.Nanoseconds, new LineProtocolScratch());
        var sets = new List<string>();
        while (reader.Read())
        {
            Assert.True(reader.IsValid, reader.Error);
            sets.Add(Encoding.UTF8.GetString(reader.RawFieldSet));
        }

        Assert.Equal(["value=1.50", "f\\ k=\"x, y=z\",n=3i,b=T", "v=-2e3,s=\"line\nbreak\""], sets);
    }
}
