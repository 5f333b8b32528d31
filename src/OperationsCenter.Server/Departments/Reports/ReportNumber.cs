using System.Globalization;

namespace OperationsCenter.Server.Departments.Reports;

/// <summary>
/// A number as Vietnamese spreadsheets write it: decimal comma or point (<c>12,5</c>, <c>12.5</c>), with thousands
/// grouped by the other mark (<c>1.234,5</c>, <c>1,234.5</c>) or spaces.
/// </summary>
internal static class ReportNumber
{
    /// <summary>Reads <paramref name="text"/>; false when it is not a finite number.</summary>
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var s = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (s.Length is 0 or > 64)
        {
            return false;
        }

        var comma = s.LastIndexOf(',');
        var point = s.LastIndexOf('.');
        if (comma >= 0 && point >= 0)
        {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            var (group, decimalMark) = comma > point ? (".", ",") : (",", ".");
            s = s.Replace(group, "", StringComparison.Ordinal).Replace(decimalMark, ".", StringComparison.Ordinal);
        }
        else if (comma >= 0)
        {
            // One comma is a decimal comma; several group thousands (1,234,567).
            s = s.Count(c => c == ',') == 1 ? s.Replace(',', '.') : s.Replace(",", "", StringComparison.Ordinal);
        }
        else if (s.Count(c => c == '.') > 1)
        {
            s = s.Replace(".", "", StringComparison.Ordinal);
        }

        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
