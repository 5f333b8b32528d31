using OperationsCenter.Testing.Influx;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>An influxd of its own, killed and started again: writes fail transiently meanwhile and data survives.</summary>
public sealed class InfluxRestartTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private InfluxProcess _influx = null!;

    public async Task InitializeAsync() => _influx = await InfluxProcess.StartAsync();

    public async Task DisposeAsync()
    {
        await _influx.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task A_killed_influxd_gives_transient_errors_and_keeps_acknowledged_points_across_a_restart()
    {
        var writer = await InfluxConnector.ConnectAsync(_http, _influx.Options("restart"), CancellationToken.None);
        await writer.WriteAsync("r v=1 1\nr v=2 2\nr v=3 3\n"u8.ToArray(), CancellationToken.None);
        var firstId = _influx.ProcessId;

        await _influx.StopAsync();
        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync("r v=4 4\n"u8.ToArray(), CancellationToken.None));
        await _influx.StartAgainAsync();
        await writer.WriteAsync("r v=4 4\n"u8.ToArray(), CancellationToken.None);

        Assert.False(error.Permanent);
        Assert.Null(error.StatusCode);
        Assert.NotEqual(firstId, _influx.ProcessId);
        Assert.Equal(4, await _influx.CountAsync("restart", "r"));
        Assert.Equal(4, await _influx.CountAsync("restart", "r", "v"));
    }

    [Fact]
    public async Task Count_is_zero_for_a_measurement_with_no_points()
    {
        await _influx.CreateDatabaseAsync("empty");

        Assert.Equal(0, await _influx.CountAsync("empty", "nothing"));
    }
}
