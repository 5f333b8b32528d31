using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OperationsCenter.Server.Departments.Reports;

/// <summary>
/// Where a report's fixed columns are: <c>time</c>, <c>metric</c>, <c>value</c>, optional <c>unit</c> and
/// <c>department</c> (English or Vietnamese headers, with or without diacritics); every other column is a tag.
/// </summary>
internal sealed partial record ReportColumns(int Time, int Metric, int Value, int? Unit, int? Department, IReadOnlyList<(int Index, string Key)> Tags)
{
    /// <summary>The fixed columns' names as the template writes them.</summary>
    public static readonly string[] Fixed = ["time", "department", "metric", "value", "unit"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["time"] = "time", ["thoi gian"] = "time", ["thoi_gian"] = "time", ["ngay gio"] = "time",
        ["metric"] = "metric", ["chi tieu"] = "metric", ["chi_tieu"] = "metric",
        ["value"] = "value", ["gia tri"] = "value", ["gia_tri"] = "value", ["so lieu"] = "value",
        ["unit"] = "unit", ["don vi tinh"] = "unit", ["don_vi_tinh"] = "unit",
        ["department"] = "department", ["don vi"] = "department", ["don_vi"] = "department",
    };

    /// <summary>Finds the columns of <paramref name="header"/>, or says which are missing or unusable.</summary>
    public static (ReportColumns? Columns, string? Error) Find(IReadOnlyList<string> header)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var tags = new List<(int, string)>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (name.Length == 0)
            {
                continue;
            }

            if (Aliases.TryGetValue(Plain(name), out var column))
            {
                if (!found.TryAdd(column, i))
                {
                    return (null, $"column \"{column}\" appears twice in the header (columns {found[column] + 1} and {i + 1}): keep one");
                }
            }
            else if (TagKey().IsMatch(name))
            {
                tags.Add((i, name));
            }
            else
            {
                return (null, $"column \"{name}\" (column {i + 1}) is neither one of {string.Join(", ", Fixed)} nor a tag name " +
                    "(letters a-z, digits, '_' and '-'): rename or remove it, or start from the template");
            }
        }

        var missing = new[] { "time", "metric", "value" }.Where(c => !found.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return (null, $"the header (row 1) lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}: " +
                $"row 1 must name the columns, e.g. {string.Join(";", Fixed)} (download the template)");
        }

        return (new ReportColumns(found["time"], found["metric"], found["value"], found.TryGetValue("unit", out var unit) ? unit : null,
            found.TryGetValue("department", out var department) ? department : null, tags), null);
    }

    /// <summary>A header as compared: lower case, without diacritics ("Thời gian" → "thoi gian").</summary>
    private static string Plain(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            plain.Append(c);
        }

        return plain.ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex TagKey();
}
