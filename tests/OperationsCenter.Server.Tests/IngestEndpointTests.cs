using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests;

[Collection(CenterCollection.Name)]
public sealed class IngestEndpointTests(CenterFixture fixture)
{
    private const string Department = "so-noi-vu";
    private CenterHost Host => fixture.Host;
    private string Key => Host.KeyFor(Department);

    [Fact]
    public async Task Ping_answers_204_with_an_influxdb_version_header()
    {
        using var client = Host.CreateClient();
        using var response = await client.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("X-Influxdb-Version", out var version), "X-Influxdb-Version header missing");
        Assert.NotEmpty(version.Single());
    }

    [Fact]
    public async Task A_series_whose_points_name_other_fields_or_the_same_in_another_order_keeps_each_value_under_its_name()
    {
        using var client = Host.CreateClient();

        // Same series, fields reordered, dropped, added and a string among them, in one body and across requests.
        using var first = await client.SendAsync(Send.Lines("/write?db=ioc&precision=s",
            "t_fieldsets,desk=main a=1,b=2,c=3 1700000000\nt_fieldsets,desk=main c=30,a=10 1700000001\nt_fieldsets,desk=other b=7 1700000001", Key));
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        using var second = await client.SendAsync(Send.Lines("/write?db=ioc&precision=s",
            "t_fieldsets,desk=main note=\"x\",b=20,d=4 1700000002\nt_fieldsets,desk=other a=5,b=8 1700000002", Key));
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);

        var series = await LiveState.AwaitSeriesAsync(Host, "t_fieldsets", s => s.GetArrayLength() == 2 && LiveState.Field(s, "d") == 4 && LiveState.Field(s, "a", 1) == 5,
            "both series with the second request's values");
        Assert.Equal([10d, 20, 30, 4], new[] { "a", "b", "c", "d" }.Select(f => LiveState.Field(series, f)!.Value));
        Assert.Equal([5d, 8], new[] { "a", "b" }.Select(f => LiveState.Field(series, f, 1)!.Value));
    }

    [Fact]
    public async Task Points_of_a_series_merged_at_the_edge_before_a_flush_all_count_in_its_windows()
    {
        using var client = Host.CreateClient();

        // One request: the edge merges the four into one sample of the bucket before the partition grain sees them.
        using var response = await client.SendAsync(Send.Lines("/write?db=ioc", "t_merged,desk=main v=1\nt_merged,desk=main v=5\nt_merged,desk=main v=3\nt_merged,desk=main v=2", Key));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var series = await LiveState.AwaitSeriesAsync(Host, "t_merged", s => LiveState.Field(s, "v") is not null, "the series t_merged");
        var window = series[0].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "v")
            .GetProperty("windows").EnumerateArray().First();
        Assert.Equal(4, window.GetProperty("count").GetInt64());
        Assert.Equal(11, window.GetProperty("sum").GetDouble());
        Assert.Equal(1, window.GetProperty("min").GetDouble());
        Assert.Equal(5, window.GetProperty("max").GetDouble());
        Assert.Equal(2, LiveState.Field(series, "v"));
    }

    [Fact]
    public async Task A_token_header_write_becomes_live_state_tagged_with_the_keys_department()
    {
        using var client = Host.CreateClient();
        using var response = await client.SendAsync(Send.Lines("/write?db=ioc", "t_token,desk=main received=41i,rate=0.5", Key));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var series = await LiveState.AwaitSeriesAsync(Host, "t_token", s => LiveState.Field(s, "received") == 41, "received=41");
        Assert.Equal("t_token,department=so-noi-vu,desk=main", series[0].GetProperty("key").GetString());
        Assert.Equal(Department, series[0].GetProperty("tags").GetProperty("department").GetString());
        Assert.Equal(0.5, LiveState.Field(series, "rate"));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")] // what curl --data-binary sends, as in InfluxDB's own examples
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    public async Task A_write_is_taken_whatever_content_type_it_says_as_InfluxDB_does(string? contentType)
    {
        using var client = Host.CreateClient();
        using var request = Send.Lines("/write?db=ioc", $"t_ctype,kind={contentType?.Replace('/', '-') ?? "none"} value=3", Key);
        request.Content!.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await LiveState.AwaitSeriesAsync(Host, "t_ctype", s => s.EnumerateArray().Any(x => x.GetProperty("tags").GetProperty("kind").GetString() == (contentType?.Replace('/', '-') ?? "none")), $"the series written as {contentType ?? "no content type"}");
    }

    [Fact]
    public async Task The_v1_p_parameter_carries_the_key()
    {
        using var client = Host.CreateClient();
        using var response = await client.SendAsync(Send.Lines($"/write?db=ioc&u=anyone&p={Uri.EscapeDataString(Key)}", "t_pparam value=7"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await LiveState.AwaitSeriesAsync(Host, "t_pparam", s => LiveState.Field(s, "value") == 7, "value=7");
    }

    [Fact]
    public async Task The_basic_auth_password_carries_the_key()
    {
        using var client = Host.CreateClient();
        using var request = Send.Lines("/write?db=ioc", "t_basic value=8");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"telegraf:{Key}")));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await LiveState.AwaitSeriesAsync(Host, "t_basic", s => LiveState.Field(s, "value") == 8, "value=8");
    }

    [Fact]
    public async Task No_key_and_a_wrong_key_get_the_same_401()
    {
        using var client = Host.CreateClient();
        using var none = await client.SendAsync(Send.Lines("/write?db=ioc", "t_unauth value=1"));
        using var wrong = await client.SendAsync(Send.Lines("/write?db=ioc", "t_unauth value=1", "not-a-key"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var body = await none.Content.ReadAsStringAsync();
        Assert.Equal(body, await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Authorization: Token", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        Assert.Equal(0, (await LiveState.SeriesAsync(Host, "t_unauth")).GetArrayLength());
    }

    [Fact]
    public async Task A_gzip_body_is_inflated()
    {
        using var client = Host.CreateClient();
        using var response = await client.SendAsync(Send.Gzipped("/write?db=ioc", "t_gzip value=9\nt_gzip,desk=b value=10\n", Key));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await LiveState.AwaitSeriesAsync(Host, "t_gzip", s => s.GetArrayLength() == 2, "two gzip-borne series");
    }

    [Fact]
    public async Task A_partial_write_keeps_valid_lines_and_names_the_bad_ones()
    {
        using var client = Host.CreateClient();
        const string body = "t_partial,desk=a value=1\nt_partial,desk=b value=oops\n\nt_partial,desk=c value=3\nt_partial,desk=d\n";
        using var response = await client.SendAsync(Send.Lines("/write?db=ioc", body, Key));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.Contains("line 2", error);
        Assert.Contains("unable to parse 't_partial,desk=b value=oops'", error);
        Assert.Contains("line 5", error);
        Assert.DoesNotContain("line 1:", error);
        Assert.Contains("2 accepted", error);

        var series = await LiveState.AwaitSeriesAsync(Host, "t_partial", s => s.GetArrayLength() == 2, "desk=a and desk=c kept");
        Assert.Equal(["t_partial,department=so-noi-vu,desk=a", "t_partial,department=so-noi-vu,desk=c"],
            series.EnumerateArray().Select(s => s.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task A_line_naming_another_department_is_refused_and_the_rest_kept()
    {
        using var client = Host.CreateClient();
        const string body = "t_foreign,department=so-noi-vu value=1\nt_foreign,department=xa-ban-bo value=2\nt_foreign,desk=x value=3";
        using var response = await client.SendAsync(Send.Lines("/write?db=ioc", body, Key));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.Contains("line 2", error);
        Assert.Contains("xa-ban-bo", error);

        var series = await LiveState.AwaitSeriesAsync(Host, "t_foreign", s => s.GetArrayLength() == 2, "own department's two lines");
        Assert.All(series.EnumerateArray(), s => Assert.Equal(Department, s.GetProperty("department").GetString()));
    }

    [Fact]
    public async Task A_body_wholly_of_another_department_is_403()
    {
        using var client = Host.CreateClient();
        using var response = await client.SendAsync(Send.Lines("/write?db=ioc", "t_other,department=xa-ban-bo value=2", Key));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("another department", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_v2_endpoint_writes_and_answers_errors_in_v2_shape()
    {
        using var client = Host.CreateClient();
        using var ok = await client.SendAsync(Send.Lines("/api/v2/write?org=lai-chau&bucket=ioc&precision=s", "t_v2 value=5 1764126000", Key));
        using var bad = await client.SendAsync(Send.Lines("/api/v2/write?org=lai-chau&bucket=ioc", "t_v2 value=", Key));
        using var noBucket = await client.SendAsync(Send.Lines("/api/v2/write?org=lai-chau", "t_v2 value=1", Key));

        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var series = await LiveState.AwaitSeriesAsync(Host, "t_v2", s => LiveState.Field(s, "value") == 5, "value=5");
        var time = series[0].GetProperty("fields")[0].GetProperty("time").GetDateTimeOffset();
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764126000), time);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid", error.GetProperty("code").GetString());
        Assert.Contains("line 1", error.GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, noBucket.StatusCode);
        Assert.Contains("bucket", (await noBucket.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_precision_is_refused_with_the_accepted_ones()
    {
        using var client = Host.CreateClient();
        using var response = await client.SendAsync(Send.Lines("/write?db=ioc&precision=days", "t_precision value=1", Key));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("use n, u, ms, s, m or h", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_json_feed_writes_points_and_names_the_bad_ones_by_index()
    {
        using var client = Host.CreateClient();
        var body = """
            {"points": [
              {"measurement": "t_feed", "tags": {"desk": "a"}, "fields": {"received": 12, "online": true}, "time": "2026-11-26T10:00:00+07:00"},
              {"measurement": "t_feed", "tags": {"desk": "b"}, "fields": {}},
              {"measurement": "t_feed", "tags": {"desk": "c"}, "fields": {"received": 4}, "time": "2026-11-26T10:00:00"},
              {"measurement": "t_feed", "tags": {"desk": "d"}, "fields": {"received": 5}}
            ]}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feeds") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Key);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("accepted").GetInt32() == 2, answer.ToString());
        Assert.Equal([1, 2], answer.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("index").GetInt32()));
        Assert.Contains("offset", answer.GetProperty("errors")[1].GetProperty("message").GetString());

        var series = await LiveState.AwaitSeriesAsync(Host, "t_feed", s => s.GetArrayLength() == 2, "desk=a and desk=d");
        Assert.Equal(12, LiveState.Field(series, "received"));
        Assert.Equal(1, LiveState.Field(series, "online"));
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T03:00:00Z"), series[0].GetProperty("lastTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_json_point_line_protocol_cannot_carry_is_refused_alone()
    {
        using var client = Host.CreateClient();
        var body = """
            [
              {"measurement": "t_feed_reserved", "tags": {"desk": "a"}, "fields": {"time": 1}},
              {"measurement": "t_feed_reserved", "tags": {"desk": "b"}, "fields": {"value": 2}}
            ]
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feeds") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Key);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(0, error.GetProperty("index").GetInt32());
        Assert.Contains("time", error.GetProperty("message").GetString());
        await LiveState.AwaitSeriesAsync(Host, "t_feed_reserved", s => LiveState.Field(s, "value") == 2, "desk=b kept");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_naming_the_limit()
    {
        using var client = Host.CreateClient();
        var line = "t_big,desk=main value=1\n";
        var body = new StringBuilder().Insert(0, line, (10 * 1024 * 1024 / line.Length) + 10).ToString();
        using var response = await client.SendAsync(Send.Lines("/write?db=ioc", body, Key));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("10485760 bytes", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await LiveState.SeriesAsync(Host, "t_big")).GetArrayLength());
    }
}
