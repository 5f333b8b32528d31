using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Persistence;

/// <summary>What departments send is stored as they meant it, or refused saying what to fix; checked in InfluxDB itself.</summary>
[Collection(PersistenceCollection.Name)]
public sealed class IngestStoresRightTests(PersistenceFixture fixture)
{
    private static readonly string Key = TestDepartments.KeyFor("so-noi-vu");

    [Theory]
    [InlineData("2026-12-01 10:00:00")]
    [InlineData("2026-12-01T10:00:00")]
    [InlineData("2026-12-01 10:00")]
    public async Task A_json_time_without_an_offset_is_refused_saying_why(string time)
    {
        var answer = await FeedAsync($$"""[{"measurement": "t_jtime", "fields": {"v": 1}, "time": "{{time}}"}, {"measurement": "t_jtime_ok", "fields": {"v": 1}, "time": "2026-12-01 10:00:00+07:00"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = answer.Body.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(0, error.GetProperty("index").GetInt32());
        Assert.Contains("offset", error.GetProperty("message").GetString());

        // The space form with an offset is kept, at the instant it names.
        await InfluxCenter.AwaitCountAsync(fixture.Influx, "t_jtime_ok", 1, field: "v");
        var stored = await fixture.Influx.Query(InfluxCenter.Database).QueryAsync("SELECT v FROM t_jtime_ok", CancellationToken.None);
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T03:00:00Z"), DateTimeOffset.UnixEpoch.AddTicks(stored[0].Values[0][0].GetInt64() / 100));
    }

    [Fact]
    public async Task A_json_integer_for_an_integer_field_is_stored_as_an_integer_and_a_fraction_is_refused_saying_how_to_fix_it()
    {
        await fixture.Host.WriteLinesAsync("so-noi-vu", "t_jint,desk=a received=5i 1764558000000000000");

        var answer = await FeedAsync("""[{"measurement": "t_jint", "tags": {"desk": "a"}, "fields": {"received": 7}, "time": "2026-12-01T10:00:00+07:00"}]""");
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        await InfluxCenter.AwaitCountAsync(fixture.Influx, "t_jint", 2, field: "received");
        Assert.Equal("integer", await StoredTypeAsync("t_jint", "received"));

        // A decimal point or an exponent makes a float, even for a whole number.
        foreach (var literal in new[] { "7.5", "7.0", "7e0" })
        {
            var fraction = await FeedAsync($$$"""[{"measurement": "t_jint", "tags": {"desk": "a"}, "fields": {"received": {{{literal}}}}}]""");
            Assert.True(fraction.Status == HttpStatusCode.BadRequest, $"{literal} was taken for an integer field");
            var message = fraction.Body.GetProperty("errors")[0].GetProperty("message").GetString()!;
            Assert.Contains("already exists as type integer", message);
            Assert.Contains("no decimal point", message);
        }
    }

    [Fact]
    public async Task Invalid_utf8_is_a_bad_line_with_its_byte_in_line_protocol_and_a_bad_point_in_json_and_the_rest_is_kept()
    {
        using var client = fixture.Host.CreateClient();
        var body = Concat("t_utf8,desk="u8, [0x61, 0xFF, 0x62], " v=1\nt_utf8,desk=ok v=2"u8);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc") { Content = new ByteArrayContent(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Key);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.Contains("line 1", error);
        Assert.Contains("byte 14 of the line (0xFF) is not valid UTF-8", error);
        await InfluxCenter.AwaitCountAsync(fixture.Influx, "t_utf8", 1, field: "v");

        var json = Concat("""[{"measurement": "t_utf8_json", "tags": {"desk": "a"""u8, [0xC3, 0x28], "\"}, \"fields\": {\"v\": 1}}, {\"measurement\": \"t_utf8_json\", \"fields\": {\"v\": 2}}]"u8);
        var feed = await FeedAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, feed.Status);
        var bad = feed.Body.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((0, true), (bad.GetProperty("index").GetInt32(), bad.GetProperty("message").GetString()!.Contains("not valid UTF-8")));
        await InfluxCenter.AwaitCountAsync(fixture.Influx, "t_utf8_json", 1, field: "v");
    }

    [Theory]
    [InlineData("s", 1_000_000_000L)]
    [InlineData("ms", 1_000_000L)]
    [InlineData("m", 60_000_000_000L)]
    public async Task A_line_without_a_timestamp_gets_the_receive_time_truncated_to_the_precision(string precision, long unit)
    {
        var measurement = $"t_trunc_{precision}";
        using var client = fixture.Host.CreateClient();
        using var response = await client.SendAsync(Send.Lines($"/write?db=ioc&precision={precision}", $"{measurement} v=1", Key));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await InfluxCenter.AwaitCountAsync(fixture.Influx, measurement, 1, field: "v");
        var stored = await fixture.Influx.Query(InfluxCenter.Database).QueryAsync($"SELECT v FROM {measurement}", CancellationToken.None);
        Assert.Equal(0, stored[0].Values[0][0].GetInt64() % unit);
    }

    private async Task<string?> StoredTypeAsync(string measurement, string field)
    {
        var keys = await fixture.Influx.Query(InfluxCenter.Database).QueryAsync($"SHOW FIELD KEYS FROM {measurement}", CancellationToken.None);
        return keys[0].Values.Single(row => row[0].GetString() == field)[1].GetString();
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> FeedAsync(string json) => FeedAsync(Encoding.UTF8.GetBytes(json));

    private async Task<(HttpStatusCode Status, JsonElement Body)> FeedAsync(byte[] json)
    {
        using var client = fixture.Host.CreateClient();
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feeds") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, byte[] b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];
}
