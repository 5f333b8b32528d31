using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Catalog;

[Collection(CenterCollection.Name)]
public sealed class CatalogApiTests(CenterFixture center)
{
    [Fact]
    public async Task The_catalog_answers_the_province_the_configured_departments_with_their_kind_and_every_metric()
    {
        using var client = await center.Host.CreateClientAsync(TestUsers.Operator);

        var catalog = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalog");

        Assert.Equal(["province", "departments", "metrics"], catalog.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""{"id":"lai-chau","name":{"vi":"Tỉnh Lai Châu","en":"Lai Châu Province"}}""", Compact(catalog.GetProperty("province")));

        // The test host lists its own departments: they win over the catalog's, with the catalog's kinds.
        Assert.Equal(
            """[{"id":"so-noi-vu","name":"Sở Nội vụ","kind":"agency"},{"id":"xa-ban-bo","name":"Bản Bo","kind":"commune"},{"id":"phuong-tan-phong","name":"phường Tân Phong","kind":"ward"}]""",
            Compact(catalog.GetProperty("departments")));

        var overdue = catalog.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "dossiers.overdue");
        Assert.Equal(
            """{"id":"dossiers.overdue","measurement":"dossiers","field":"overdue","name":{"vi":"Hồ sơ quá hạn","en":"Overdue dossiers"},"unit":{"vi":"hồ sơ","en":"dossiers"},"good":"down","headline":true,"aggregate":"sum","levels":{"watch":170,"alarm":200},"unitLevels":{"watch":8,"alarm":15},"card":2,"short":{"vi":"Quá hạn","en":"Overdue"},"states":null}""",
            Compact(overdue));
        Assert.Equal(14, catalog.GetProperty("metrics").GetArrayLength());

        // A metric whose values are states names them, keyed by the value.
        var up = catalog.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "network.up");
        Assert.Equal("""{"0":{"vi":"mất","en":"down"},"1":{"vi":"thông","en":"up"}}""", Compact(up.GetProperty("states")));

        // Absent levels and card are null, not left out: the wall reads every metric the same way.
        var villages = catalog.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "coverage.villages_without_signal");
        Assert.Equal(
            (JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
            (villages.GetProperty("levels").ValueKind, villages.GetProperty("unitLevels").ValueKind, villages.GetProperty("card").ValueKind));
    }

    [Fact]
    public async Task Without_a_configured_department_list_the_catalog_supplies_every_unit_to_the_overview()
    {
        await using var host = await CenterHost.StartAsync(CenterHost.WithoutDepartmentList());
        using var client = await host.CreateClientAsync(TestUsers.Operator);

        var catalog = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalog");
        var overview = await client.GetFromJsonAsync<JsonElement>("/api/v1/overview");

        var ids = catalog.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(50, ids.Count);
        Assert.Equal("xã Mường Kim", catalog.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "xa-muong-kim").GetProperty("name").GetString());
        Assert.Equal(ids.Order(StringComparer.Ordinal), Departments(overview).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_server_without_a_catalog_answers_404_saying_what_to_configure()
    {
        await using var host = await CenterHost.StartAsync(new Dictionary<string, string?> { ["OperationsCenter:CatalogPath"] = "" });
        using var client = await host.CreateClientAsync(TestUsers.Operator);

        using var response = await client.GetAsync("/api/v1/catalog");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("OperationsCenter:CatalogPath", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static IEnumerable<string?> Departments(JsonElement overview) =>
        overview.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetString());

    private static string Compact(JsonElement element) =>
        JsonSerializer.Serialize(element, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
