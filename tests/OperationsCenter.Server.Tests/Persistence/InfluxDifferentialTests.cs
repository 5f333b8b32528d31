using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OperationsCenter.Testing;
using Xunit.Abstractions;

namespace OperationsCenter.Server.Tests.Persistence;

/// <summary>
/// The center answers line protocol as InfluxDB 1.x does. Each case (from InfluxDB's line protocol reference and its
/// parser's edge cases) is written to a real influxd directly and to the center; the status, the reason of each bad
/// line and the points stored (the center's <c>department</c> tag aside) must agree, except in the cases the center
/// answers differently on purpose, each listed in <see cref="InfluxDifferences"/> and in the README.
/// </summary>
[Collection(PersistenceCollection.Name)]
public sealed partial class InfluxDifferentialTests(PersistenceFixture fixture, ITestOutputHelper output)
{
    private const string Direct = "direct";

    /// <summary>A body, with <c>$m</c> standing for the case's own measurement; optionally a precision and a difference.</summary>
    private sealed record Case(string Body, string? Precision = null, string? Differs = null, bool ReceiveTime = false);

    private static readonly Case[] Cases =
    [
        new("$m value=1 1764558000000000000"),
        new("$m,host=serverA,region=us-west value=1i 1764558000000000000"),
        new("$m,host=a value=1,load=0.5,up=true,name=\"x\" 1764558000000000000"),
        new("$m value=1", ReceiveTime: true),
        new("$m"),
        new("$m, value=1"),
        new("$m,host value=1"),
        new("$m,host= value=1"),
        new("$m,=a value=1"),
        new("$m value="),
        new("$m =1"),
        new("$m value=1,"),
        new("$m value=1 abc"),
        new("$m value=1 1 2"),
        new("$m value=\"unterminated"),
        new("$m value=1.5.5 1764558000000000000"),
        new("$m value=1e 1764558000000000000", Differs: InfluxDifferences.Reasons),
        new("$m value=- 1764558000000000000"),
        new("$m value=9223372036854775807i 1764558000000000000"),
        new("$m value=9223372036854775808i 1764558000000000000"),
        new("$m value=-9223372036854775808i 1764558000000000000"),
        new("$m a=t,b=T,c=true,d=True,e=TRUE 1764558000000000000"),
        new("$m a=f,b=F,c=false,d=False,e=FALSE 1764558000000000000"),
        new("$m value=tru 1764558000000000000"),
        new("$m value=\"a\\\"b\" 1764558000000000000"),
        new("$m value=\"a\\\\b\" 1764558000000000000"),
        new("$m value=\"Lai Châu 🚀\" 1764558000000000000"),
        new("$m\\,x,host=a\\ b value=1 1764558000000000000"),
        new("$m\\ x value=1 1764558000000000000"),
        new("$m,host=a\\=b value=1 1764558000000000000"),
        new("$m,host=a=b value=1 1764558000000000000"),
        new("$m my\\ field=1,my\\,f=2,my\\=f=3 1764558000000000000"),
        new("$m value=1,value=2 1764558000000000000"),
        new("$m,host=a,host=b value=1 1764558000000000000"),
        new("# a comment\n\n$m value=1 1764558000000000000\n\n"),
        new("$m value=1 1764558000000000000 "),
        new("$m  value=1 1764558000000000000"),
        new("$m value=1.  1764558000000000000"),
        new("$m value=1. 1764558000000000000"),
        new("$m value=.5 1764558000000000000"),
        new("$m value=+1 1764558000000000000", Differs: InfluxDifferences.Reasons),
        new("$m a=1E5,b=1e+5,c=-1.5e-3 1764558000000000000"),
        new("$m value=NaN 1764558000000000000"),
        new("$m value=Inf 1764558000000000000", Differs: InfluxDifferences.Reasons),
        new("$m value=1 -1"),
        new("$m value=1 99999999999999999999", Differs: InfluxDifferences.Reasons),
        new("$m value=1 1764558000000", "s"),
        new("$m value=1 9223372036854775807"),
        new("$m value=1 -9223372036854775807"),
        new("$m value=1 1764558000000000", "ms"),
        new("$m value=1 1764558000", "s"),
        new("$m value=1 1764558000000", "ms"),
        new("$m value=1 1764558000000000", "u"),
        new("$m value=1 1764558000000000000", "n"),
        new("$m value=1 29409300", "m"),
        new("$m value=1 490155", "h"),
        new("$m value=1 1764558000000000\n$m value=2 1764558000000001", "us", Differs: InfluxDifferences.MicrosecondsAsUs),
        new("$m value=1 1764558000000000000", "days", Differs: InfluxDifferences.UnknownPrecision),
        new("$m value=1 1764558000000000000\n$m value=1i 1764558000000000001"),
        new("$m value=1 1764558000000000000\r\n$m value=2 1764558000000000001\r\n", Differs: InfluxDifferences.CrLf),
        new("$m,_measurement=x value=1 1764558000000000000", Differs: InfluxDifferences.ReservedKeys),
        new("$m _field=1 1764558000000000000", Differs: InfluxDifferences.ReservedKeys),
        new("$m value=1,time=2 1764558000000000000", Differs: InfluxDifferences.ReservedKeys),
        new("$m value=1 4000000000000000000", Differs: InfluxDifferences.Limits),
        new("$m value=1u 1764558000000000000", Differs: InfluxDifferences.Unsigned),
        new("$m,department=so-noi-vu value=1 1764558000000000000"),
        new("$m,department=xa-ban-bo value=1 1764558000000000000\n$m value=2 1764558000000000000", Differs: InfluxDifferences.Department),
        new("$m,host=a\\xffb value=1 1764558000000000000", Differs: InfluxDifferences.Utf8),
    ];

    [Fact]
    public async Task Line_protocol_is_answered_and_stored_as_influxdb_answers_and_stores_it_except_where_listed()
    {
        await fixture.Influx.CreateDatabaseAsync(Direct);
        using var influx = new HttpClient { BaseAddress = fixture.Influx.Url };
        using var center = fixture.Host.CreateClient();
        var answers = new List<(int Index, Case Case, Answer Influx, Answer Center)>();
        for (var i = 0; i < Cases.Length; i++)
        {
            var body = Bytes(Cases[i].Body.Replace("$m", Measurement(i), StringComparison.Ordinal));
            var precision = Cases[i].Precision is { } p ? $"&precision={p}" : "";
            answers.Add((i, Cases[i], await PostAsync(influx, $"/write?db={Direct}{precision}", body, null),
                await PostAsync(center, $"/write?db=ioc{precision}", body, TestDepartments.KeyFor("so-noi-vu"))));
        }

        // Everything the center took has reached InfluxDB before the stores are compared.
        await Await.UntilAsync(() => Health.ReadAsync(center), h => h.GetProperty("spool").GetProperty("backlogPoints").GetInt64() == 0,
            "the center's spool drained", TimeSpan.FromSeconds(30));

        var agreeing = 0;
        var problems = new List<string>();
        foreach (var (index, @case, influxAnswer, centerAnswer) in answers)
        {
            var stored = (await RowsAsync(Direct, index, @case.ReceiveTime), await RowsAsync(InfluxCenter.Database, index, @case.ReceiveTime));
            var same = influxAnswer.Status == centerAnswer.Status
                && influxAnswer.Reasons.Select(Pattern).SequenceEqual(centerAnswer.Reasons.Select(Pattern))
                && stored.Item1.SequenceEqual(stored.Item2);
            var description = $"case {index} `{@case.Body.ReplaceLineEndings("⏎")}`{(@case.Precision is { } p ? $" precision={p}" : "")}: " +
                              $"influxd {influxAnswer}, center {centerAnswer}; stored influxd [{string.Join("; ", stored.Item1)}] center [{string.Join("; ", stored.Item2)}]";
            if (same)
            {
                agreeing++;
                if (@case.Differs is { } listed)
                {
                    problems.Add($"listed as differing ({listed}) but agrees: {description}");
                }
            }
            else if (@case.Differs is null)
            {
                problems.Add($"differs without being listed: {description}");
            }
            else
            {
                output.WriteLine($"differs on purpose ({@case.Differs}): {description}");
            }
        }

        output.WriteLine($"{Cases.Length} cases: {agreeing} agree, {Cases.Count(c => c.Differs is not null)} listed differences");
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // The list the test keeps is the list the README shows.
        var readme = await File.ReadAllTextAsync(Checkout.PathOf("README.md"));
        Assert.All(InfluxDifferences.All, d => Assert.Contains(d, readme));
    }

    private static string Measurement(int index) => $"dt_{index}";

    /// <summary>A reason's pattern: InfluxDB's words up to the first ':' or ';' (the center may say more after them).</summary>
    private static string Pattern(string reason) => reason.Split(':', ';')[0].Trim();

    private static byte[] Bytes(string body) => body.Contains("\\xff", StringComparison.Ordinal)
        ? [.. Encoding.UTF8.GetBytes(body[..body.IndexOf("\\xff", StringComparison.Ordinal)]), 0xFF, .. Encoding.UTF8.GetBytes(body[(body.IndexOf("\\xff", StringComparison.Ordinal) + 4)..])]
        : Encoding.UTF8.GetBytes(body);

    private static async Task<Answer> PostAsync(HttpClient client, string url, byte[] body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", key);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var error = text.Length > 0 && JsonDocument.Parse(text).RootElement.TryGetProperty("error", out var e) ? e.GetString() ?? "" : "";
        return new Answer((int)response.StatusCode, [.. Reason().Matches(error).Select(m => m.Groups[1].Value.Trim())]);
    }

    /// <summary>The stored rows of a case's measurement(s), as text, the center's department column left out.</summary>
    private async Task<List<string>> RowsAsync(string database, int index, bool receiveTime)
    {
        var series = await fixture.Influx.Query(database).QueryAsync($"SELECT * FROM /^{Regex.Escape(Measurement(index))}($|[^0-9])/", CancellationToken.None);
        return [.. series.SelectMany(s => s.Values.Select(row => s.Name + ": " + string.Join(", ", s.Columns
            .Select((column, i) => (column, i))
            .Where(c => c.column != "department" && !(receiveTime && c.column == "time") && row[c.i].ValueKind != JsonValueKind.Null)
            .Select(c => $"{c.column}={row[c.i]}"))))];
    }

    /// <summary>What an endpoint answered: the status and the reason given for each bad line.</summary>
    private sealed record Answer(int Status, List<string> Reasons)
    {
        public override string ToString() => $"{Status} [{string.Join(" | ", Reasons)}]";
    }

    /// <summary>InfluxDB's "unable to parse '…': reason" (the center quotes the line the same way, after "line N: ").</summary>
    [GeneratedRegex(@"unable to parse '(?:[^']|'(?!: ))*': ([^\n]*)")]
    private static partial Regex Reason();
}
