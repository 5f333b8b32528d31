using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Departments;

/// <summary>
/// Reports from spreadsheets, as a commune sends them: checked row by row against the catalog before anything is
/// stored, then the good rows through the same ingest as every write, read back from live state and InfluxDB.
/// </summary>
public sealed class DepartmentReportTests(DepartmentCenter fixture) : IClassFixture<DepartmentCenter>
{
    private const string Commune = "xa-ban-bo";

    [Fact]
    public async Task A_csv_as_vietnamese_excel_saves_it_is_previewed_then_its_good_rows_are_stored_and_the_bad_row_refused_by_number()
    {
        var batch = "csv-" + Guid.NewGuid().ToString("N")[..8];
        var csv = "thời gian;đơn vị;chỉ tiêu;giá trị;đơn vị tính;batch\r\n" +
                  $"{DepartmentCenter.Yesterday()};{Commune};services.online_share_pct;72,5;%;{batch}\r\n" +
                  $"{DepartmentCenter.Yesterday("yyyy-MM-dd HH:mm")};;dossiers.overdue;3;hồ sơ;{batch}\r\n" +
                  $"{DepartmentCenter.Yesterday()};;digital_skills.registrations;1.234,5;lượt đăng ký;{batch}\r\n";
        byte[] file = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv)];

        using var previewed = await fixture.PostReportAsync(TestUsers.Commune, Commune, "reports/preview?file=bao-cao.csv", file);
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var preview = await previewed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, preview.GetProperty("good").GetInt32());
        Assert.Equal(1, preview.GetProperty("bad").GetInt32());
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal(72.5, rows[0].GetProperty("number").GetDouble());
        Assert.Equal(1234.5, rows[2].GetProperty("number").GetDouble());
        Assert.Contains("+07:00", rows[1].GetProperty("error").GetString());
        Assert.Equal("timeOffset", rows[1].GetProperty("errorCode").GetString());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("error").ValueKind);

        // Nothing stored by the preview: not in live state, not in InfluxDB.
        Assert.DoesNotContain(batch, (await fixture.PageAsync(Commune)).GetProperty("series").ToString());
        Assert.Empty(await fixture.StoredAsync(batch));

        using var stored = await fixture.PostReportAsync(TestUsers.Commune, Commune, "reports", file);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var outcome = await stored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, outcome.GetProperty("accepted").GetInt32());
        var error = Assert.Single(outcome.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("index").GetInt32());
        Assert.Contains("offset", error.GetProperty("message").GetString());

        await fixture.AwaitStoredAsync(batch, new Dictionary<string, double>
        {
            ["services.online_share_pct"] = 72.5,
            ["digital_skills.registrations"] = 1234.5,
        });
        var page = await Await.UntilAsync(() => fixture.PageAsync(Commune), p => p.GetProperty("series").ToString().Contains(batch),
            "the stored rows among the series on the department's page");
        Assert.Equal(2, page.GetProperty("lastReceived").GetProperty("points").GetInt32());
        Assert.Equal(1, page.GetProperty("lastReceived").GetProperty("refused").GetInt32());
        var refused = page.GetProperty("refused").EnumerateArray().First(r => r.GetProperty("line").GetString()!.Contains(batch));
        Assert.Equal("csv", refused.GetProperty("source").GetString());
        Assert.Contains("dossiers.overdue", refused.GetProperty("line").GetString());
    }

    [Fact]
    public async Task The_same_csv_goes_to_the_feed_api_as_text_csv_with_a_department_key_and_answers_errors_per_row()
    {
        var batch = "api-" + Guid.NewGuid().ToString("N")[..8];
        var csv = "time,department,metric,value,unit,batch\n" +
                  $"{DepartmentCenter.Yesterday()},so-noi-vu,dossiers.received,\"12,0\",hồ sơ,{batch}\n" +
                  $"{DepartmentCenter.Yesterday()},so-noi-vu,dossiers.lost,4,,{batch}\n" +
                  $"{DepartmentCenter.Yesterday()},xa-ban-bo,dossiers.overdue,4,,{batch}\n" +
                  $"{DepartmentCenter.Yesterday()},,coverage.villages_without_signal,7,villages,{batch}\n";
        using var client = fixture.Center.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feeds") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", TestDepartments.KeyFor("so-noi-vu"));
        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 4], errors.Select(e => e.GetProperty("index").GetInt32()));
        Assert.Contains("unknown metric \"dossiers.lost\"", errors[0].GetProperty("message").GetString());
        Assert.Contains("not this department", errors[1].GetProperty("message").GetString());
        Assert.Contains("row 3: unknown metric", body.GetProperty("error").GetString());

        await fixture.AwaitStoredAsync(batch, new Dictionary<string, double>
        {
            ["dossiers.received"] = 12,
            ["coverage.villages_without_signal"] = 7,
        });

        // Without a key, nothing: the feed's own 401.
        using var anonymous = await client.PostAsync("/api/v1/feeds", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_excel_workbook_is_previewed_and_stored_like_a_csv()
    {
        var batch = "xlsx-" + Guid.NewGuid().ToString("N")[..8];
        var file = Workbook(
            ["Thời gian", "Chỉ tiêu", "Giá trị", "Đơn vị tính", "batch"],
            [DepartmentCenter.Yesterday(), "coverage.villages_without_signal", "5", "thôn, bản", batch],
            [DepartmentCenter.Yesterday(), "digital_skills.registrations", "mười hai", "", batch],
            [DepartmentCenter.Yesterday(), "services.online_share_pct", "81,25", "giờ", batch]);

        using var previewed = await fixture.PostReportAsync(TestUsers.Commune, Commune, "reports/preview?file=bao-cao.xlsx", file,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var preview = await previewed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("error").ValueKind);
        Assert.Contains("not a number", rows[1].GetProperty("error").GetString());
        Assert.Contains("is not the unit of services.online_share_pct", rows[2].GetProperty("error").GetString());

        using var stored = await fixture.PostReportAsync(TestUsers.Commune, Commune, "reports", file, "application/octet-stream");
        var outcome = await stored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, outcome.GetProperty("accepted").GetInt32());
        Assert.Equal([3, 4], outcome.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("index").GetInt32()));
        await fixture.AwaitStoredAsync(batch, new Dictionary<string, double> { ["coverage.villages_without_signal"] = 5 });
    }

    [Fact]
    public async Task A_report_without_the_required_columns_is_refused_whole_saying_which_and_a_template_lists_the_group()
    {
        using var refused = await fixture.PostReportAsync(TestUsers.Commune, Commune, "reports/preview", Encoding.UTF8.GetBytes("ngày;số liệu\n1;2\n"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ngày", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        using var client = await fixture.Center.CreateClientAsync(TestUsers.Commune);
        using var template = await client.GetAsync($"/api/v1/departments/{Commune}/templates/dossiers.csv");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        var bytes = await template.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the template starts with a BOM so Excel reads it as UTF-8");
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time;department;metric;value;unit", lines[0].TrimEnd('\r'));
        Assert.Equal(4, lines.Length);
        Assert.Contains($";{Commune};dossiers.overdue;0;hồ sơ", lines[3]);

        // The template, filled in, is a valid report.
        using var filled = await fixture.PostReportAsync(TestUsers.Commune, Commune, "reports/preview", bytes);
        Assert.Equal(3, (await filled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("good").GetInt32());
    }

    /// <summary>An .xlsx of one sheet, every cell a shared string, as Excel saves text cells.</summary>
    private static byte[] Workbook(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var index = new Dictionary<string, int>();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (!index.TryGetValue(rows[r][c], out var at))
                    {
                        at = index[rows[r][c]] = index.Count;
                        strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(rows[r][c])));
                    }

                    row.AppendChild(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}",
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue(at.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    });
                }

                data.AppendChild(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Báo cáo" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}
