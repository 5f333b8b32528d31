using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Testing;

/// <summary>
/// The real server on Kestrel, on a free loopback port, with its own Orleans silo and the test departments'
/// keys. Tests talk to it over HTTP and SignalR like any client.
/// </summary>
public sealed class CenterHost : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private Factory _factory;

    private CenterHost(int port, IReadOnlyDictionary<string, string?> settings)
    {
        Port = port;
        DataDirectory = settings["OperationsCenter:DataDirectory"]!;
        _settings = settings;
        _factory = new Factory(port, settings);
    }

    /// <summary>The HTTP port.</summary>
    public int Port { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The server's data folder (spool, dead letters); kept across <see cref="RestartAsync"/>.</summary>
    public string DataDirectory { get; }

    /// <summary>The running app's services.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>Ids of the departments configured with keys.</summary>
    public static IReadOnlyList<string> Departments { get; } = [.. TestDepartments.All.Select(d => d.Id)];

    /// <summary>Starts a server; <paramref name="settings"/> override configuration keys.</summary>
    public static async Task<CenterHost> StartAsync(IDictionary<string, string?>? settings = null, CancellationToken ct = default)
    {
        var merged = DefaultSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // A null value removes a default (see WithoutDepartmentList).
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        // A free port can be taken by another test process between choosing it and binding it: choose again.
        for (var attempt = 1; ; attempt++)
        {
            var host = new CenterHost(FreePort.Next(), merged);
            try
            {
                await host.StartCurrentAsync(ct);
                return host;
            }
            catch (Exception ex) when (attempt < 5 && AddressInUse(ex))
            {
                try
                {
                    await host._factory.DisposeAsync();
                }
                catch (Exception)
                {
                    // The half-started host is being thrown away.
                }
            }
        }
    }

    /// <summary>True when a start failed because a port was taken.</summary>
    internal static bool AddressInUse(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A client for this server, without credentials.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client signed in as <paramref name="user"/> (cookie), for the API.</summary>
    public Task<HttpClient> CreateClientAsync(TestUser user) => SignIn.ClientAsync(BaseAddress, user);

    /// <summary>
    /// A connection to <c>/hubs/wall</c> signed in as <paramref name="user"/>, not started yet; <paramref name="view"/>
    /// names the page (<c>leader</c>) as the hub URL's <c>view</c> parameter.
    /// </summary>
    public Task<HubConnection> WallConnectionAsync(TestUser user, string? view = null) => SignIn.WallAsync(BaseAddress, user, view);

    /// <summary>A department's plain key.</summary>
    public string KeyFor(string department) => TestDepartments.KeyFor(department);

    /// <summary>POSTs line protocol to <c>/write</c> with the department's key and asserts 204.</summary>
    public async Task WriteLinesAsync(string department, string lineProtocol)
    {
        using var client = CreateClient();
        await IngestClient.WriteLinesAsync(client, department, lineProtocol);
    }

    /// <summary>Stops the server and starts a fresh one on the same port, as a process restart would.</summary>
    public async Task RestartAsync()
    {
        await _factory.DisposeAsync();
        _factory = new Factory(Port, _settings);
        await StartCurrentAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private async Task StartCurrentAsync(CancellationToken ct)
    {
        // Orleans ports come free per start, so a restart does not wait for the old silo's sockets.
        _factory.StartServer();
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/ping", ct);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the server on port {Port} did not answer /ping with 204 within 30 s");
            }

            await Task.Delay(50, ct);
        }
    }

    /// <summary>
    /// Overrides that drop the test department list (keys stay), so the departments come from the catalog
    /// (<c>OperationsCenter:CatalogPath</c>, by default the checkout's <c>catalog/laichau.yaml</c>).
    /// </summary>
    public static Dictionary<string, string?> WithoutDepartmentList()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < TestDepartments.All.Count; i++)
        {
            settings[$"OperationsCenter:Departments:{i}:Id"] = null;
            settings[$"OperationsCenter:Departments:{i}:Name"] = null;
        }

        return settings;
    }

    /// <summary>The settings every test server gets: departments with hashed keys, a temp data folder, quiet logs.</summary>
    public static Dictionary<string, string?> DefaultSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["OperationsCenter:DataDirectory"] = Path.Combine(Path.GetTempPath(), "oc-test-" + Guid.NewGuid().ToString("N")),

            // No InfluxDB unless a test starts one: a port nobody listens on, never a developer's own 8086.
            ["OperationsCenter:Influx:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Logging:LogLevel:OperationsCenter.Server.Persistence"] = "Error",

            // No Redis unless a test starts one: tests that check what survives a restart set Storage=Redis and the connection string.
            ["OperationsCenter:Alerts:Storage"] = "Memory",

            // No MQTT endpoint unless a test gives it a free port: never the machine's own 1883, and no two servers on one port.
            ["OperationsCenter:Mqtt:Port"] = "0",

            // Tests sign in many times from one address; the throttle has a test of its own.
            ["OperationsCenter:Auth:SignInAttemptsPerMinute"] = "100000",

            // The checkout's catalog (metrics, kinds); the departments still come from the test list below.
            ["OperationsCenter:CatalogPath"] = Checkout.PathOf("catalog/laichau.yaml"),
        };
        foreach (var (key, value) in TestUsers.Settings())
        {
            settings[key] = value;
        }

        for (var i = 0; i < TestDepartments.All.Count; i++)
        {
            var (id, name) = TestDepartments.All[i];
            settings[$"OperationsCenter:Departments:{i}:Id"] = id;
            settings[$"OperationsCenter:Departments:{i}:Name"] = name;
            settings[$"OperationsCenter:DepartmentKeys:{i}:Department"] = id;
            settings[$"OperationsCenter:DepartmentKeys:{i}:Sha256"] = DepartmentKeyResolver.Hash(TestDepartments.KeyFor(id));
        }

        return settings;
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        private readonly IReadOnlyDictionary<string, string?> _settings;
        private readonly int _port;

        public Factory(int port, IReadOnlyDictionary<string, string?> settings)
        {
            _settings = settings;
            _port = port;
            UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSolutionRelativeContentRoot("src/OperationsCenter.Server", "OperationsCenter.sln");
            builder.UseSetting("Urls", $"http://127.0.0.1:{_port}");
            builder.UseSetting("Orleans:Endpoints:SiloPort", FreePort.Next().ToString());
            builder.UseSetting("Orleans:Endpoints:GatewayPort", FreePort.Next().ToString());
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
