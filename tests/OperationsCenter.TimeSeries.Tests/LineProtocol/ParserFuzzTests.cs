using System.Text;
using OperationsCenter.Testing.Fuzz;
using OperationsCenter.TimeSeries.LineProtocol;
using Xunit.Abstractions;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>
/// Mutation fuzzing of the reader, seeded (printed; <c>OC_FUZZ_SEED</c> replays a run): it never throws, and in a body
/// that mixes valid lines with broken ones every line reads exactly as it reads alone, so a broken line costs nothing
/// but itself and every valid line comes back as written.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private static readonly LineLimits IngestDefaults = new()
    {
        MaxTagsPerPoint = 100, MaxFieldsPerPoint = 200, MaxMeasurementBytes = 256, MaxTagKeyBytes = 256,
        MaxTagValueBytes = 1024, MaxFieldKeyBytes = 256, MaxSeriesKeyBytes = 4096, MaxStringFieldBytes = 65536,
    };

    private static readonly Precision[] Precisions = [Precision.Nanoseconds, Precision.Microseconds, Precision.Milliseconds, Precision.Seconds];

    [Fact]
    public void Every_line_of_a_mixed_body_reads_as_it_reads_alone_and_valid_lines_come_back_exactly()
    {
        var seed = FuzzSeed.Next();
        output.WriteLine(FuzzSeed.Replay(seed));
        var fuzz = new LineFuzzer(seed);
        var points = new PointGenerator(seed);
        var random = fuzz.Random;
        int lines = 0, generated = 0, broken = 0;

        for (var b = 0; b < 300; b++)
        {
            var limits = b % 2 == 0 ? IngestDefaults : LineLimits.None;
            var precision = b % 3 == 0 ? Precisions[random.Next(Precisions.Length)] : Precision.Nanoseconds;
            var body = new List<byte>();
            var expected = new List<Line>();
            var physicalLine = 1;
            for (var p = 0; p < 40; p++)
            {
                LinePoint? point = null;
                byte[] piece;
                switch (random.Next(4))
                {
                    case 0:
                        point = points.Next();
                        piece = Encoding.UTF8.GetBytes(LineProtocolWriter.ToLine(point));
                        generated++;
                        break;
                    case 1:
                        piece = SelfContained(() => fuzz.Mutate(LineProtocolWriter.ToLine(points.Next())), precision, limits);
                        broken++;
                        break;
                    case 2:
                        piece = SelfContained(() => fuzz.Mutate(fuzz.ValidLine("fz", 1_764_000_000_000_000_000, 86_400_000_000_000)), precision, limits);
                        broken++;
                        break;
                    default:
                        piece = SelfContained(() => fuzz.RandomBytes(60), precision, limits);
                        broken++;
                        break;
                }

                var alone = Read([.. piece], precision, limits);
                if (point is not null && precision == Precision.Nanoseconds)
                {
                    var only = Assert.Single(alone);
                    Assert.True(only.Point is not null && only.Point.Equals(point),
                        $"{FuzzSeed.Replay(seed)}: generated line did not read back\nline:     {Encoding.UTF8.GetString(piece)}\nexpected: {point}\nactual:   {only.Point?.ToString() ?? only.Error}");
                }

                expected.AddRange(alone.Select(l => l with { Number = l.Number + physicalLine - 1 }));
                body.AddRange(piece);
                body.AddRange(random.Next(5) == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
                physicalLine += piece.Count(c => c == (byte)'\n') + 1;
            }

            var actual = Read([.. body], precision, limits);
            lines += actual.Count;
            Assert.True(expected.SequenceEqual(actual),
                $"{FuzzSeed.Replay(seed)}, body {b} ({precision}, {(limits == LineLimits.None ? "no limits" : "ingest limits")}): " +
                $"the body did not read as its lines read alone\nfirst difference: {FirstDifference(expected, actual)}\nbody:\n{Encoding.UTF8.GetString([.. body])}");
        }

        output.WriteLine($"{lines} lines in 300 bodies: {generated} generated valid lines, {broken} mutated or random pieces");
        Assert.True(lines > 10_000, $"expected many thousands of lines, read {lines}");
    }

    [Fact]
    public void Random_bytes_never_throw_and_every_line_is_either_a_point_or_an_error()
    {
        var seed = FuzzSeed.Next();
        output.WriteLine(FuzzSeed.Replay(seed));
        var fuzz = new LineFuzzer(seed);
        var lines = 0;
        for (var b = 0; b < 5_000; b++)
        {
            var bytes = b % 2 == 0 ? fuzz.RandomBytes(400) : fuzz.Mutate(fuzz.ValidLine("fz", 1_764_000_000_000_000_000, 86_400_000_000_000) + "\n" + fuzz.ValidLine("fz", 0, 1_000));
            var precision = Precisions[b % Precisions.Length];
            try
            {
                foreach (var limits in new[] { LineLimits.None, IngestDefaults })
                {
                    var read = Read(bytes, precision, limits);
                    lines += read.Count;
                    Assert.All(read, l => Assert.True((l.Point is null) != (l.Error is null), "a line is a point or has an error, never both or neither"));
                    Assert.True(read.Select(l => l.Number).SequenceEqual(read.Select(l => l.Number).Order()), "line numbers only grow");
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{FuzzSeed.Replay(seed)}, case {b}: the reader threw {ex}\nbytes: {Convert.ToHexString(bytes)}");
            }
        }

        output.WriteLine($"{lines} lines read from 5000 random or mutated bodies, twice each");
    }

    /// <summary>
    /// A piece that does not run into the next line (an unclosed quote would swallow it, as in InfluxDB), so the body's
    /// lines can be predicted from the pieces' (nor ends in a carriage return); tries again until the generator yields one.
    /// </summary>
    private static byte[] SelfContained(Func<byte[]> next, Precision precision, LineLimits limits)
    {
        while (true)
        {
            // A trailing '\r' would pair with the separator's, which the body's own CRLF then cannot strip.
            var piece = next();
            if (piece.Length > 0 && piece[^1] == (byte)'\r')
            {
                continue;
            }

            var alone = Read(piece, precision, limits);
            var followed = Read([.. piece, (byte)'\n', .. "next v=1"u8], precision, limits);
            if (followed.Count == alone.Count + 1 && followed[^1].Point is { Measurement: "next" })
            {
                return piece;
            }
        }
    }

    private static List<Line> Read(byte[] body, Precision precision, LineLimits limits)
    {
        var read = new List<Line>();
        var reader = new LineProtocolReader(body, precision, new LineProtocolScratch(), limits);
        while (reader.Read())
        {
            if (reader.IsValid)
            {
                _ = reader.GetSeriesKey();
            }

            read.Add(new Line(reader.LineNumber, reader.IsValid ? reader.ToPoint() : null, reader.Error));
        }

        return read;
    }

    private static string FirstDifference(List<Line> expected, List<Line> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            var a = i < actual.Count ? actual[i] : null;
            if (e != a)
            {
                return $"line {i + 1} of the body's points: expected {e}, read {a}";
            }
        }

        return "none";
    }

    private sealed record Line(int Number, LinePoint? Point, string? Error);
}
