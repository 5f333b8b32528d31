using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>
/// Seeded random points that exercise every escape and every field kind. Names avoid only what line protocol
/// cannot represent (see <see cref="LineProtocolWriter"/>): a trailing backslash, line breaks, a comment-like or
/// whitespace-led measurement, empty names and the reserved keys.
/// </summary>
public sealed class PointGenerator(int seed)
{
    private static readonly string[] NameParts =
    [
        "a", "b", "Z", "host", "0", "_", ",", "=", " ", "\"", "'", "\\", "\\,", "\\ ", "\\=", "\\\\", "é", "🚀", "\r", "#", "\t", "-", ".",
    ];

    private static readonly string[] StringParts =
    [
        "a", " ", ",", "=", "\"", "\\", "\\\"", "\"\\", "\n", "\r\n", "\t", "é", "🍭", "#", "i", "1.5", "true",
    ];

    private readonly Random _random = new(seed);

    public LinePoint Next()
    {
        var tags = new SortedDictionary<string, string>(Utf8Comparer.Instance);
        var tagCount = _random.Next(0, 6);
        while (tags.Count < tagCount)
        {
            tags[Name(forMeasurement: false)] = Name(forMeasurement: false);
        }

        var fieldCount = _random.Next(1, 7);
        var fieldKeys = new HashSet<string>(StringComparer.Ordinal);
        var fields = new List<KeyValuePair<string, FieldValue>>();
        while (fields.Count < fieldCount)
        {
            var key = Name(forMeasurement: false);
            if (fields.Count == 0 && key[0] == '\t')
            {
                continue;
            }

            if (fieldKeys.Add(key))
            {
                fields.Add(new(key, Value()));
            }
        }

        long? timestamp = _random.Next(4) switch
        {
            0 => null,
            1 => 0,
            2 => _random.NextInt64(-9223372036854775806, 9223372036854775806),
            _ => 1_700_000_000_000_000_000 + _random.NextInt64(1_000_000_000_000),
        };

        return new LinePoint(Name(forMeasurement: true), tags.ToList(), fields, timestamp);
    }

    private string Name(bool forMeasurement)
    {
        while (true)
        {
            var sb = new StringBuilder();
            var parts = _random.Next(1, 6);
            for (var i = 0; i < parts; i++)
            {
                sb.Append(NameParts[_random.Next(NameParts.Length)]);
            }

            var name = sb.ToString();
            var unwritable = name.EndsWith('\\')
                || name is "time" or "_field" or "_measurement"
                || (forMeasurement && name[0] is '#' or '\t');
            if (!unwritable)
            {
                return name;
            }
        }
    }

    private FieldValue Value()
    {
        switch (_random.Next(5))
        {
            case 0:
                return FieldValue.FromFloat(Float());
            case 1:
                return FieldValue.FromInteger(_random.Next(3) switch
                {
                    0 => long.MinValue,
                    1 => long.MaxValue,
                    _ => _random.NextInt64(long.MinValue, long.MaxValue),
                });
            case 2:
                return FieldValue.FromUInteger(_random.Next(3) == 0 ? ulong.MaxValue : (ulong)_random.NextInt64(long.MinValue, long.MaxValue));
            case 3:
                return FieldValue.FromBoolean(_random.Next(2) == 0);
            default:
                var sb = new StringBuilder();
                var parts = _random.Next(0, 8);
                for (var i = 0; i < parts; i++)
                {
                    sb.Append(StringParts[_random.Next(StringParts.Length)]);
                }

                return FieldValue.FromString(sb.ToString());
        }
    }

    private double Float()
    {
        while (true)
        {
            var value = _random.Next(6) switch
            {
                0 => BitConverter.Int64BitsToDouble(_random.NextInt64(long.MinValue, long.MaxValue)),
                1 => Math.Round((_random.NextDouble() - 0.5) * 2000, _random.Next(0, 6)),
                2 => _random.Next(-1000, 1000),
                3 => _random.NextDouble() * Math.Pow(10, _random.Next(-30, 30)),
                4 => new[] { 0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e21, 1e22, 1e23, 0.1 }[_random.Next(10)],
                _ => _random.NextDouble(),
            };
            if (double.IsFinite(value))
            {
                return value;
            }
        }
    }

    /// <summary>UTF-8 byte order, as the writer sorts tags.</summary>
    private sealed class Utf8Comparer : IComparer<string>
    {
        public static readonly Utf8Comparer Instance = new();

        public int Compare(string? x, string? y) =>
            Encoding.UTF8.GetBytes(x ?? string.Empty).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? string.Empty));
    }
}
