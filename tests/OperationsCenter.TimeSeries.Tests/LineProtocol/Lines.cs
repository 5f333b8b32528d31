using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.LineProtocol;

/// <summary>Helpers that run the reader over a body and capture every line.</summary>
public static class Lines
{
    public static IReadOnlyList<ReadLine> ReadAll(string body, Precision precision = Precision.Nanoseconds)
    {
        var lines = new List<ReadLine>();
        var reader = new LineProtocolReader(Encoding.UTF8.GetBytes(body), precision);
        while (reader.Read())
        {
            lines.Add(new ReadLine(
                reader.LineNumber,
                Encoding.UTF8.GetString(reader.RawLine),
                reader.IsValid,
                reader.Error,
                reader.IsValid ? reader.ToPoint() : null));
        }

        return lines;
    }

    /// <summary>Parses a body that must hold exactly one valid line.</summary>
    public static LinePoint Single(string line, Precision precision = Precision.Nanoseconds)
    {
        var lines = ReadAll(line, precision);
        var only = Assert.Single(lines);
        Assert.True(only.IsValid, only.Error);
        return only.Point!;
    }

    /// <summary>Parses a body that must hold exactly one invalid line and returns its error.</summary>
    public static string SingleError(string line, Precision precision = Precision.Nanoseconds)
    {
        var lines = ReadAll(line, precision);
        var only = Assert.Single(lines);
        Assert.False(only.IsValid, $"expected '{line}' to be rejected, got {only.Point}");
        return only.Error!;
    }

    public static LinePoint Point(string measurement, (string Key, string Value)[] tags, (string Key, FieldValue Value)[] fields, long? timestamp = null) =>
        new(
            measurement,
            tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).ToArray(),
            fields.Select(f => new KeyValuePair<string, FieldValue>(f.Key, f.Value)).ToArray(),
            timestamp);

    public static FieldValue F(double v) => FieldValue.FromFloat(v);

    public static FieldValue I(long v) => FieldValue.FromInteger(v);

    public static FieldValue U(ulong v) => FieldValue.FromUInteger(v);

    public static FieldValue B(bool v) => FieldValue.FromBoolean(v);

    public static FieldValue S(string v) => FieldValue.FromString(v);
}
