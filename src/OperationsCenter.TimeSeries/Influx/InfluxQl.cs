using System.Text;

namespace OperationsCenter.TimeSeries.Influx;

/// <summary>Quoting for InfluxQL text built from names and values the center does not control.</summary>
public static class InfluxQl
{
    /// <summary>A double-quoted identifier (measurement, tag key, field key, database).</summary>
    /// <param name="name">The raw name.</param>
    /// <returns><c>"name"</c> with <c>\</c>, <c>"</c> and line feeds escaped.</returns>
    public static string Identifier(string name) => Quote(name, '"');

    /// <summary>A single-quoted string literal (tag values, string field values).</summary>
    /// <param name="value">The raw value.</param>
    /// <returns><c>'value'</c> with <c>\</c>, <c>'</c> and line feeds escaped.</returns>
    public static string StringLiteral(string value) => Quote(value, '\'');

    private static string Quote(string text, char quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2);
        builder.Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\n':
                    // InfluxQL's scanner ends a quoted token at a raw line feed ("bad string"); it reads \n back.
                    builder.Append(@"\n");
                    break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                    break;
            }
        }

        return builder.Append(quote).ToString();
    }
}
