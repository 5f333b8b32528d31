using System.Globalization;
using System.Text;

namespace OperationsCenter.Testing.Fuzz;

/// <summary>
/// Seeded line protocol for fuzzing: valid lines with every escape and field kind, mutations of them (byte flips,
/// truncations, inserted escapes, quotes, line breaks, commas, spaces, huge numbers, NaN/Inf, unicode, invalid UTF-8)
/// and plain random bytes. Same seed, same bytes.
/// </summary>
public sealed class LineFuzzer(int seed)
{
    // Already escaped where they hold a delimiter, so they can be joined as they are.
    private static readonly string[] NameParts = ["a", "b", "host", "Zone", "0", "_", "-", ".", "é", "Lai\\ Châu", "🚀", "\\,", "\\ ", "\\=", "x\\y"];

    private static readonly string[] StringParts = ["a", " ", ",", "=", "\\\"", "\\\\", "\n", "\t", "é", "🍭", "#", "1.5", "true", "'"];

    private static readonly byte[][] Inserts =
    [
        "\\"u8.ToArray(), "\""u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), ","u8.ToArray(), " "u8.ToArray(), "="u8.ToArray(),
        "\t"u8.ToArray(), "#"u8.ToArray(), [0], "é"u8.ToArray(), "🚀"u8.ToArray(), "\u2028"u8.ToArray(), [0xFF], [0xC3], [0xED, 0xA0, 0x80],
        "99999999999999999999999"u8.ToArray(), "1e400"u8.ToArray(), "-9223372036854775809"u8.ToArray(), "18446744073709551616u"u8.ToArray(),
        "9223372036854775807i"u8.ToArray(), "NaN"u8.ToArray(), "Inf"u8.ToArray(), "-Inf"u8.ToArray(), "+1"u8.ToArray(), "i"u8.ToArray(),
        "u"u8.ToArray(), "t"u8.ToArray(), "fálse"u8.ToArray(), "0x1F"u8.ToArray(), "1_000"u8.ToArray(), ".5"u8.ToArray(), "-"u8.ToArray(),
        "time"u8.ToArray(), "=\"\""u8.ToArray(), ",,"u8.ToArray(), "  "u8.ToArray(),
    ];

    private readonly Random _random = new(seed);

    /// <summary>The underlying generator, for choices a test makes itself.</summary>
    public Random Random => _random;

    /// <summary>
    /// A valid line of <paramref name="measurement"/>: up to 4 tags, 1 to 5 fields of every kind (the kind of a field
    /// follows its key, so one field keeps one type), escapes, unicode, and no timestamp or one up to
    /// <paramref name="spread"/> before <paramref name="now"/> (both in the body's precision).
    /// </summary>
    public string ValidLine(string measurement, long now, long spread)
    {
        var sb = new StringBuilder(measurement);
        var tagKeys = new SortedSet<string>(StringComparer.Ordinal);
        var tagCount = _random.Next(0, 5);
        while (tagKeys.Count < tagCount)
        {
            tagKeys.Add("t" + Name());
        }

        foreach (var key in tagKeys)
        {
            sb.Append(',').Append(key).Append('=').Append(Name());
        }

        var fieldKeys = new HashSet<string>(StringComparer.Ordinal);
        var fieldCount = _random.Next(1, 6);
        sb.Append(' ');
        while (fieldKeys.Count < fieldCount)
        {
            var kind = _random.Next(5);
            var key = "fkbuis"[kind].ToString() + _random.Next(4).ToString(CultureInfo.InvariantCulture);
            if (!fieldKeys.Add(key))
            {
                continue;
            }

            if (fieldKeys.Count > 1)
            {
                sb.Append(',');
            }

            sb.Append(key).Append('=').Append(kind switch
            {
                0 => Float(),
                1 => _random.Next(3) == 0 ? "true" : "F",
                2 => string.Create(CultureInfo.InvariantCulture, $"{_random.NextInt64(0, long.MaxValue)}u"),
                3 => string.Create(CultureInfo.InvariantCulture, $"{_random.NextInt64(long.MinValue, long.MaxValue)}i"),
                _ => Quoted(),
            });
        }

        if (_random.Next(3) > 0)
        {
            sb.Append(' ').Append((now - _random.NextInt64(0, spread)).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>One to three mutations of <paramref name="line"/>: what a broken agent, a bad proxy or an attacker sends.</summary>
    public byte[] Mutate(string line)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(line));
        var mutations = _random.Next(1, 4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = _random.Next(bytes.Count + 1);
            switch (_random.Next(6))
            {
                case 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = (byte)_random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                case 3:
                    bytes.InsertRange(at, Inserts[_random.Next(Inserts.Length)]);
                    break;
                case 4:
                    bytes.RemoveRange(Math.Min(at, bytes.Count - 1), Math.Min(_random.Next(1, 8), bytes.Count - Math.Min(at, bytes.Count - 1)));
                    break;
                default:
                    var from = _random.Next(bytes.Count);
                    var span = bytes.GetRange(from, Math.Min(_random.Next(1, 12), bytes.Count - from));
                    bytes.InsertRange(at, span);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Random bytes, biased towards line protocol's delimiters.</summary>
    public byte[] RandomBytes(int maxLength)
    {
        var bytes = new byte[_random.Next(0, maxLength + 1)];
        const string delimiters = " ,=\"\\\n\r\t#0123456789.-eiuTF";
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = _random.Next(3) == 0 ? (byte)delimiters[_random.Next(delimiters.Length)] : (byte)_random.Next(256);
        }

        return bytes;
    }

    private string Name()
    {
        var sb = new StringBuilder();
        var parts = _random.Next(1, 4);
        for (var i = 0; i < parts; i++)
        {
            sb.Append(NameParts[_random.Next(NameParts.Length)]);
        }

        return sb.ToString();
    }

    private string Quoted()
    {
        var sb = new StringBuilder("\"");
        var parts = _random.Next(0, 6);
        for (var i = 0; i < parts; i++)
        {
            sb.Append(StringParts[_random.Next(StringParts.Length)]);
        }

        return sb.Append('"').ToString();
    }

    private string Float() => _random.Next(5) switch
    {
        0 => _random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
        1 => (_random.NextDouble() * Math.Pow(10, _random.Next(-30, 30))).ToString("R", CultureInfo.InvariantCulture),
        2 => "-0.5e-3",
        3 => Math.Round(_random.NextDouble() * 100, 2).ToString(CultureInfo.InvariantCulture),
        _ => "1.7976931348623157e308",
    };
}
