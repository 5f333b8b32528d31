using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;
using static OperationsCenter.TimeSeries.Tests.LineProtocol.Lines;
using Lp = OperationsCenter.TimeSeries.LineProtocol.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>Whole bodies: line splitting, comments, blank lines, line numbers, and recovery after bad lines.</summary>
public sealed class ReaderBodyTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\n\r\n")]
    [InlineData("# only a comment")]
    [InlineData("  # indented comment\n\t#another\n")]
    public void Bodies_without_points_read_nothing(string body)
    {
        Assert.Empty(Lines.ReadAll(body));
    }

    [Fact]
    public void Valid_lines_are_read_around_invalid_ones_with_physical_line_numbers()
    {
        const string body =
            "# comment\n" +                        // 1
            "cpu,host=a v=1 1\r\n" +               // 2
            "\r\n" +                               // 3
            "bad line\n" +                         // 4
            "  \t \n" +                            // 5
            "cpu v=2i 2\n" +                       // 6
            "cpu s=\"multi\nline\",n=1 3\n" +      // 7-8
            "cpu v=\n" +                           // 9
            "   # indented comment\n" +            // 10
            "cpu v=NaN\n" +                        // 11
            "cpu v=t";                             // 12

        var lines = Lines.ReadAll(body);

        Assert.Equal([2, 4, 6, 7, 9, 11, 12], lines.Select(l => l.LineNumber));
        Assert.Equal([true, false, true, true, false, false, true], lines.Select(l => l.IsValid));
        Assert.StartsWith("unable to parse 'bad line': invalid field format: a space, comma or '=' inside", lines[1].Error);
        Assert.Equal("unable to parse 'cpu v=': missing field value", lines[4].Error);
        Assert.StartsWith("unable to parse 'cpu v=NaN': invalid number: NaN is not supported: field \"v\" = NaN", lines[5].Error);

        Assert.Equal(Point("cpu", [("host", "a")], [("v", F(1))], 1), lines[0].Point);
        Assert.Equal(Point("cpu", [], [("v", I(2))], 2), lines[2].Point);
        Assert.Equal(Point("cpu", [], [("s", S("multi\nline")), ("n", F(1))], 3), lines[3].Point);
        Assert.Equal("cpu s=\"multi\nline\",n=1 3", lines[3].Raw);
        Assert.Equal(Point("cpu", [], [("v", B(true))]), lines[6].Point);
    }

    [Fact]
    public void A_string_may_span_crlf_line_breaks()
    {
        var lines = Lines.ReadAll("a s=\"x\r\ny\r\nz\" 1\r\nb v=1\r\n");

        Assert.Equal([1, 4], lines.Select(l => l.LineNumber));
        Assert.Equal(S("x\r\ny\r\nz"), lines[0].Point!.Fields[0].Value);
        Assert.Equal("a s=\"x\r\ny\r\nz\" 1", lines[0].Raw);
        Assert.True(lines[1].IsValid);
    }

    [Fact]
    public void An_unterminated_string_swallows_the_rest_of_the_body_as_InfluxDB_does()
    {
        var line = Assert.Single(Lines.ReadAll("a v=\"x\nb v=1\nc v=2"));

        Assert.Equal(1, line.LineNumber);
        Assert.Equal("unable to parse 'a v=\"x\nb v=1\nc v=2': unbalanced quotes", line.Error);
    }

    [Fact]
    public void After_a_syntax_error_reading_resumes_at_the_next_line()
    {
        var lines = Lines.ReadAll("a,k v=\"x\nb v=1\"\nc v=2");

        Assert.Equal([1, 2, 3], lines.Select(l => l.LineNumber));
        Assert.Equal([false, false, true], lines.Select(l => l.IsValid));
        Assert.EndsWith("missing tag value", lines[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Carriage_returns_are_part_of_the_line_ending_only()
    {
        var lines = Lines.ReadAll("a v=1 5\r\nb\rc v=2\r");

        Assert.Equal(Point("a", [], [("v", F(1))], 5), lines[0].Point);
        Assert.Equal("b\rc", lines[1].Point!.Measurement);
        Assert.Equal(F(2), lines[1].Point!.Fields[0].Value);
    }

    [Fact]
    public void A_comment_with_a_quote_does_not_open_a_string()
    {
        var lines = Lines.ReadAll("# say \"hi\nm v=1\n");

        Assert.Equal(2, Assert.Single(lines).LineNumber);
    }

    [Fact]
    public void ParseAll_returns_every_point_or_throws_the_first_error()
    {
        var points = Lp.ParseAll("a v=1 1\n\nb,t=x w=2i 2", Precision.Seconds);
        Assert.Equal(
            [Point("a", [], [("v", F(1))], 1_000_000_000), Point("b", [("t", "x")], [("w", I(2))], 2_000_000_000)],
            points);

        var error = Assert.Throws<FormatException>(() => Lp.ParseAll("a v=1\nb v=\nc\n"));
        Assert.Equal("unable to parse 'b v=': missing field value", error.Message);
    }

    [Fact]
    public void A_large_body_reads_every_line()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            sb.Append("cpu,host=h").Append(i % 7).Append(",region=r v=").Append(i).Append("i,s=\"a\\\"b\" ").Append(i).Append('\n');
        }

        var lines = Lines.ReadAll(sb.ToString());

        Assert.Equal(5000, lines.Count);
        Assert.All(lines, l => Assert.True(l.IsValid, l.Error));
        Assert.Equal(4999, lines[^1].Point!.Timestamp);
        Assert.Equal(5000, lines[^1].LineNumber);
        Assert.Equal(S("a\"b"), lines[^1].Point!.Fields[1].Value);
    }
}
