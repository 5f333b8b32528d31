using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OperationsCenter.Server.Departments.Reports;

/// <summary>
/// Reads a report as Vietnamese offices save them: CSV (UTF-8 with or without BOM, comma, semicolon or tab between
/// columns, as Excel writes "CSV UTF-8") with CsvHelper, or an Excel workbook (.xlsx, its first sheet) with the Open XML SDK.
/// </summary>
internal static class ReportFile
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>True for a <c>Content-Type</c> of CSV (<c>text/csv</c>, with or without parameters).</summary>
    public static bool IsCsv(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("text/csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads either kind: an Excel workbook by its signature (a zip file), CSV otherwise.</summary>
    public static ReportTable Read(ReadOnlyMemory<byte> file) =>
        file.Span.StartsWith(ZipSignature) ? ReadXlsx(file) : ReadCsv(file);

    /// <summary>Reads CSV text; the separator is found from the header (or Excel's <c>sep=;</c> line).</summary>
    public static ReportTable ReadCsv(ReadOnlyMemory<byte> file)
    {
        var bytes = file.Span.StartsWith(Encoding.UTF8.Preamble) ? file[Encoding.UTF8.Preamble.Length..] : file;
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            return ReportTable.Failed("the file is not UTF-8 text: in Excel choose \"Save as\" → \"CSV UTF-8 (Comma delimited)\", or upload the .xlsx file itself");
        }

        try
        {
            using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true });
            var header = csv.Headers.Select(h => h.Trim()).ToList();
            var rows = new List<ReportRow>();
            while (csv.Read())
            {
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = csv.GetString(i).Trim();
                }

                if (cells.All(c => c.Length == 0))
                {
                    continue;
                }

                rows.Add(new ReportRow((int)csv.LineNumber, cells, Encoding.UTF8.GetString(csv.RawRecord)));
            }

            return new ReportTable(header, rows, null);
        }
        catch (CsvFormatException ex)
        {
            return ReportTable.Failed($"the file is not valid CSV ({ex.Message}): save it again from Excel as \"CSV UTF-8\"");
        }
    }

    /// <summary>Reads the first sheet of an Excel workbook; dates typed as Excel dates come as their serial numbers.</summary>
    public static ReportTable ReadXlsx(ReadOnlyMemory<byte> file)
    {
        try
        {
            using var stream = new MemoryStream(file.ToArray(), writable: false);

            // A bounded part size: a small zip must not inflate into gigabytes of XML.
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = 64L * 1024 * 1024 });
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                return ReportTable.Failed("the workbook has no sheet: put the report on the first sheet, with the header in row 1");
            }

            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            IReadOnlyList<string>? header = null;
            var rows = new List<ReportRow>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }

                    cells.Add(TextOf(cell, strings).Trim());
                }

                if (cells.All(c => c.Length == 0))
                {
                    continue;
                }

                var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
                if (header is null)
                {
                    header = cells;
                    continue;
                }

                rows.Add(new ReportRow(number, cells, string.Join(";", cells)));
            }

            return header is null
                ? ReportTable.Failed("the sheet is empty: the header goes in row 1 (download the template)")
                : new ReportTable(header, rows, null);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            return ReportTable.Failed("the file is neither CSV nor an Excel workbook (.xlsx) that can be read: save it again from Excel as .xlsx or \"CSV UTF-8\"");
        }
    }

    private static string TextOf(Cell cell, List<string> strings)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : "";
        }

        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : raw;
    }

    /// <summary>The 0-based column of a reference such as <c>C7</c>.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column > 0 && column <= 16384 ? column - 1 : null;
    }
}
