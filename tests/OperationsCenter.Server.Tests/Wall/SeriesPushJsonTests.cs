using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Series;
using OperationsCenter.Server.Hubs;

namespace OperationsCenter.Server.Tests.Wall;

/// <summary>
/// Series pushes are serialized by generated code, snapshots by the hub's own serializer: a page merges both the same
/// way, so both must write the same JSON.
/// </summary>
[Collection(CenterCollection.Name)]
public sealed class SeriesPushJsonTests(CenterFixture center)
{
    [Fact]
    public void A_pushed_series_is_written_as_the_hub_writes_it_in_a_snapshot()
    {
        var time = new DateTimeOffset(2026, 12, 2, 8, 30, 15, 123, TimeSpan.Zero);
        ImmutableArray<SeriesUpdate> series =
        [
            new("ho_so,department=xa-ban-bo,desk=một\\ cửa", "ho_so", "xa-ban-bo",
                ImmutableDictionary<string, string>.Empty.Add("department", "xa-ban-bo").Add("desk", "một cửa"),
                [new FieldLatest("received", 12, time), new FieldLatest("overdue_ratio", 0.125, time.AddSeconds(-1))], time),
        ];
        var hubOptions = center.Host.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;

        var pushed = Encoding.UTF8.GetString(SeriesPushJson.Serialize(series, hubOptions));

        Assert.Equal(JsonSerializer.Serialize(series, hubOptions), pushed);
        Assert.Contains("\"desk\":\"một cửa\"", pushed);
        Assert.Contains("\"fields\":[{\"name\":\"received\",\"value\":12,", pushed);
    }
}
