using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Benchmarks;

/// <summary>
/// Line protocol reading throughput on a typical telemetry body: 3 tags, 5 fields (floats and integers) and a
/// timestamp per line. Each benchmark handles the whole body; OperationsPerInvoke makes the reported time per point,
/// and the extra columns turn it into points/s and MB/s.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParserBenchmarks
{
    /// <summary>Lines in the benchmark body.</summary>
    public const int Points = 10_000;

    private static readonly string[] Regions = ["eu-west", "eu-central", "us-east", "us-west", "ap-south"];

    // The ingest endpoints' default per-line limits (OperationsCenter:Ingest:Limits).
    private static readonly LineLimits IngestLimits = new()
    {
        MaxTagsPerPoint = 100, MaxFieldsPerPoint = 200, MaxMeasurementBytes = 256, MaxTagKeyBytes = 256,
        MaxTagValueBytes = 1024, MaxFieldKeyBytes = 256, MaxSeriesKeyBytes = 4096, MaxStringFieldBytes = 65536,
    };

    private readonly LineProtocolScratch _scratch = new();
    private byte[] _body = [];

    // The columns are computed in the host process, where GlobalSetup never runs, so the size comes from
    // rebuilding the (deterministic) body rather than from the benchmark instance.
    private static readonly Lazy<double> AverageLineBytes = new(() => (double)BuildBody().Length / Points);

    /// <summary>Average bytes per line of the body, for the MB/s column.</summary>
    public static double BytesPerPoint => AverageLineBytes.Value;

    [GlobalSetup]
    public void Setup()
    {
        _body = BuildBody();

        // Grow the scratch once so the measured runs are the steady state.
        ReadAndTouchEveryValue();
    }

    /// <summary>Builds the benchmark body; seeded, so every process builds the same bytes.</summary>
    public static byte[] BuildBody()
    {
        var random = new Random(12345);
        var sb = new StringBuilder();
        for (var i = 0; i < Points; i++)
        {
            sb.Append("cpu,host=server").Append(random.Next(1000).ToString("D3", CultureInfo.InvariantCulture))
              .Append(",region=").Append(Regions[i % Regions.Length])
              .Append(",dc=dc").Append(random.Next(8))
              .Append(" usage_user=").Append(Math.Round(random.NextDouble() * 100, 2).ToString(CultureInfo.InvariantCulture))
              .Append(",usage_system=").Append(Math.Round(random.NextDouble() * 100, 3).ToString(CultureInfo.InvariantCulture))
              .Append(",load=").Append((random.NextDouble() * 8).ToString("R", CultureInfo.InvariantCulture))
              .Append(",procs=").Append(random.Next(50, 900)).Append('i')
              .Append(",ctx_switches=").Append(random.NextInt64(1_000_000_000)).Append('i')
              .Append(' ').Append(1_700_000_000_000_000_000L + (i * 1_000_000_000L))
              .Append('\n');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Reads every line and reads every tag, field key and value: the ingestion hot path.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public double ReadAndTouchEveryValue() => Touch(LineLimits.None);

    /// <summary>The same under the ingest endpoints' default limits, as the server reads.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public double ReadAndTouchEveryValueWithIngestLimits() => Touch(IngestLimits);

    private double Touch(LineLimits limits)
    {
        var sum = 0d;
        var reader = new LineProtocolReader(_body, Precision.Nanoseconds, _scratch, limits);
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
                if (reader.TryGetFieldNumber(f, out var value))
                {
                    sum += value;
                }
            }

            sum += reader.Timestamp.GetValueOrDefault();
        }

        return sum;
    }

    /// <summary>For comparison: the same read plus the allocating series key per point (a grain key).</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public int ReadAndBuildSeriesKey()
    {
        var total = 0;
        var reader = new LineProtocolReader(_body, Precision.Nanoseconds, _scratch);
        while (reader.Read())
        {
            total += reader.GetSeriesKey().Length;
        }

        return total;
    }

    /// <summary>For comparison: materializing every line as a <see cref="LinePoint"/> (allocates).</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public int ReadAndMaterialize()
    {
        var total = 0;
        var reader = new LineProtocolReader(_body, Precision.Nanoseconds, _scratch);
        while (reader.Read())
        {
            total += reader.ToPoint().Fields.Count;
        }

        return total;
    }
}
