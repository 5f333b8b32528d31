using OperationsCenter.Testing.Influx;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>One real influxd shared by the test classes of <see cref="InfluxCollection"/>; each test uses its own database.</summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    private InfluxProcess? _influx;

    /// <summary>The running influxd.</summary>
    public InfluxProcess Influx => _influx ?? throw new InvalidOperationException("influxd has not started.");

    /// <summary>A client for the writers and queries under test.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A database name no other test uses.</summary>
    public static string NewDatabase() => "test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Options for a fresh database (not created yet).</summary>
    public InfluxOptions Options(string database) => Influx.Options(database);

    /// <summary>A query client on a database.</summary>
    public InfluxQueryClient Query(string database) => new(Http, Options(database));

    /// <inheritdoc />
    public async Task InitializeAsync() => _influx = await InfluxProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }
    }
}
