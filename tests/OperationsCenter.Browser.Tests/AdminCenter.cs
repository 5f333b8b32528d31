using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// A center for the admin screens: the wall's alert rule (<see cref="AlertRules"/>), a settings file for keys and
/// people, and a real influxd for the audit trail.
/// </summary>
public sealed class AdminCenter : IAsyncDisposable
{
    private AdminCenter(AlertRules rules, TemporaryFolder settings, InfluxProcess influx, CenterHost host)
    {
        Rules = rules;
        SettingsFolder = settings;
        Influx = influx;
        Host = host;
    }

    public AlertRules Rules { get; }

    public TemporaryFolder SettingsFolder { get; }

    public InfluxProcess Influx { get; }

    public CenterHost Host { get; }

    public static async Task<AdminCenter> StartAsync()
    {
        var rules = AlertRules.Create();
        var settings = TemporaryFolder.Create("oc-admin-settings-");
        var file = settings.Write("settings.json", "{}\n");
        var influx = await InfluxProcess.StartAsync();
        var host = await CenterHost.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Alerts:RulesDirectory"] = rules.Directory,
            ["OperationsCenter:SettingsFile"] = file,
            ["OperationsCenter:Influx:Url"] = influx.Url.ToString(),
            ["OperationsCenter:Influx:Database"] = "oc_admin",
            ["OperationsCenter:Drain:Linger"] = "00:00:00.050",
        });
        return new AdminCenter(rules, settings, influx, host);
    }

    /// <summary>Writes line protocol with <paramref name="key"/> as a department's agent would; returns the status.</summary>
    public async Task<HttpStatusCode> WriteWithKeyAsync(string key, string lines)
    {
        using var client = Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc") { Content = new StringContent(lines, Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Influx.DisposeAsync();
        Rules.Dispose();
        SettingsFolder.Dispose();
    }
}
