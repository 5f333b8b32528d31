using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace OperationsCenter.Simulator;

/// <summary>
/// A small living province: every unit reports dossiers and its network link on a cadence, values drift with noise,
/// and now and then a unit goes quiet for a while so the wall shows late and silent units.
/// </summary>
internal sealed class DemoFeed(HttpClient http, IReadOnlyList<string> departments, TimeSpan interval)
{
    private readonly Random _random = new(20251101);
    private readonly Dictionary<string, UnitState> _units = departments.ToDictionary(d => d, _ => new UnitState());

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            await Task.WhenAll(departments.Select(d => SendAsync(d, ct)));
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    private async Task SendAsync(string department, CancellationToken ct)
    {
        var unit = _units[department];
        if (unit.QuietUntil > DateTimeOffset.UtcNow)
        {
            return;
        }

        // Roughly one unit in two hundred goes quiet for 30 to 90 seconds each round.
        if (_random.NextDouble() < 0.005)
        {
            unit.QuietUntil = DateTimeOffset.UtcNow.AddSeconds(_random.Next(30, 90));
            return;
        }

        unit.Received += _random.Next(0, 4);
        unit.OnTime += _random.Next(0, 3);
        unit.Overdue = Math.Max(0, unit.Overdue + _random.Next(-1, 2));
        unit.Uptime = Math.Clamp(unit.Uptime + (_random.NextDouble() - 0.5) * 0.4, 95, 100);
        var body = string.Create(CultureInfo.InvariantCulture,
            $"dossiers,desk=one-stop received={unit.Received}i,resolved_on_time={unit.OnTime}i,overdue={unit.Overdue}i\n" +
            $"network,link=wan uptime_pct={unit.Uptime:F2},latency_ms={20 + _random.NextDouble() * 30:F1}\n");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc") { Content = new StringContent(body, Encoding.UTF8) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", DemoKeys.For(department));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"{department}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"{department}: {ex.Message}");
        }
    }

    private sealed class UnitState
    {
        public long Received { get; set; } = 120;
        public long OnTime { get; set; } = 100;
        public long Overdue { get; set; } = 3;
        public double Uptime { get; set; } = 99.5;
        public DateTimeOffset QuietUntil { get; set; }
    }
}
