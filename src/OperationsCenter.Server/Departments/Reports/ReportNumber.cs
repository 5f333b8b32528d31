using System.Globalization;
using System.Text.RegularExpressions;

namespace OperationsCenter.Server.Departments.Reports;

/// <summary>
/// Numbers as Vietnamese spreadsheets write them. A file whose values use a decimal comma anywhere (<c>72,5</c>) is read
/// the Vietnamese way throughout: the comma is the decimal mark and a point groups thousands (<c>1.250</c> is 1250);
/// otherwise the point is the decimal mark and a comma groups thousands. Spaces group thousands in both.
/// </summary>
internal static partial class ReportNumber
{
    /// <summary>True when some value of <paramref name="values"/> is written with a decimal comma.</summary>
    public static bool UsesDecimalComma(IEnumerable<string> values) => values.Any(v => DecimalComma().IsMatch(v));

    /// <summary>Reads <paramref name="text"/>; false when it is not a finite number.</summary>
    public static bool TryParse(string text, bool decimalComma, out double value)
    {
        value = 0;
        var s = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (s.Length is 0 or > 64)
        {
            return false;
        }

        s = decimalComma
            ? s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')
            : s.Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    [GeneratedRegex(@"^[+-]?[\d. \u00A0]*\d,\d+$")]
    private static partial Regex DecimalComma();
}
