using System.Globalization;
using System.Text;
using OperationsCenter.Catalog;

namespace OperationsCenter.Simulator.Province;

/// <summary>
/// A living province built from the catalog: every round each unit reports what it would (desks their dossiers and
/// online share, communes the portal registrations and villages without signal, every unit its network link, the
/// Department of Science and Technology the LGSP connections, the Department of Finance the budget), following the
/// day's rhythm, with noise that never trips a demo rule by itself, and the effects of the active incidents.
/// Deterministic for a seed and a sequence of times.
/// </summary>
internal sealed class ProvinceModel
{
    /// <summary>The unit that reports the province's own dossier desk.</summary>
    public const string ServiceCenter = "trung-tam-phvhcc";

    private const string ScienceAndTechnology = "so-khcn";
    private const string Finance = "so-tai-chinh";

    // The data-sharing platform's connections (12 completed in 2025).
    private static readonly string[] Connections =
    [
        "dvc-quoc-gia", "csdl-dan-cu", "csdl-dat-dai", "ho-tich", "dang-ky-kinh-doanh", "bao-hiem-xa-hoi",
        "thue", "kho-bac", "van-ban-dieu-hanh", "giao-duc", "y-te", "nong-nghiep",
    ];

    // Former districts far from the network: most villages without signal are there.
    private static readonly string[] RemoteCommunes =
    [
        "xa-bum-nua", "xa-bum-to", "xa-muong-te", "xa-thu-lum", "xa-pa-u", "xa-mu-ca", "xa-ta-tong", "xa-nam-cuoi", "xa-nam-ma",
        "xa-hua-bum", "xa-pa-tan", "xa-muong-mo", "xa-tua-sin-chai", "xa-pu-sam-cap", "xa-hong-thu", "xa-si-lo-lau", "xa-khong-lao",
    ];

    private readonly Random _random;
    private readonly Dictionary<string, UnitState> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lgspBase = [];
    private readonly double _registrationsPerDay;
    private readonly (string Program, double Allocated, double Disbursed)[] _budget;

    /// <summary>Builds the units of <paramref name="catalog"/> as they stand at <paramref name="now"/>.</summary>
    public ProvinceModel(ProvinceCatalog catalog, int seed, DateTimeOffset now)
    {
        _random = new Random(seed);
        Departments = catalog.Departments;
        var local = OfficeHours.Local(now);
        var communes = catalog.Departments.Where(d => d.Kind != DepartmentKind.Agency).ToList();
        var weights = communes.ToDictionary(d => d.Id, _ => 0.5 + _random.NextDouble());
        var totalWeight = weights.Values.Sum();
        var registrations = catalog.Metric("digital_skills.registrations").Start ?? 0;
        _registrationsPerDay = registrations / 120;
        var villages = Split((int)(catalog.Metric("coverage.villages_without_signal").Start ?? 0), communes.Select(d => d.Id).ToList());
        var share = catalog.Metric("services.online_share_pct").Start ?? 70;
        var uptime = catalog.Metric("network.uptime_pct").Start ?? 99.8;
        foreach (var department in catalog.Departments)
        {
            var desk = department.Kind != DepartmentKind.Agency || department.Id == ServiceCenter;
            var perDay = department.Id == ServiceCenter ? 260 : desk ? 12 + _random.Next(30) : 0;
            var shareBase = Math.Clamp(share + (_random.NextDouble() - 0.5) * 30, 68, 93);
            var unit = new UnitState
            {
                CounterDay = local.Date,
                DossiersPerDay = perDay,
                OnTimeRate = 0.86 + _random.NextDouble() * 0.11,
                OverdueBase = desk ? 1 + _random.Next(department.Id == ServiceCenter ? 12 : 6) : 0,
                ShareBase = shareBase,
                Share = shareBase,
                Uptime = Math.Clamp(uptime + (_random.NextDouble() - 0.5) * 0.5, 99.3, 99.99),
                LatencyBase = department.Kind == DepartmentKind.Agency ? 8 + _random.Next(10) : 20 + _random.Next(40),
                Registrations = registrations * weights.GetValueOrDefault(department.Id) / totalWeight,
                RegistrationWeight = weights.GetValueOrDefault(department.Id) / totalWeight,
                VillagesWithoutSignal = villages.GetValueOrDefault(department.Id),
            };
            unit.Received = (long)Math.Round(perDay * OfficeHours.DeskDayElapsed(local));
            unit.Overdue = unit.OverdueBase;
            _units[department.Id] = unit;
        }

        foreach (var connection in Connections)
        {
            _lgspBase[connection] = 20 + _random.Next(130);
        }

        // Over 81.6 billion VND in 2025: over 68 for digital transformation, over 13 for science, technology and innovation.
        var allocated = catalog.Metric("budget.allocated").Start ?? 81.6;
        var disbursed = catalog.Metric("budget.disbursed").Start ?? 0;
        var digital = 68 / 81.6;
        _budget =
        [
            ("chuyen-doi-so", allocated * digital, disbursed * digital),
            ("khcn-dmst", allocated * (1 - digital), disbursed * (1 - digital)),
        ];
    }

    /// <summary>The units, in the catalog's order.</summary>
    public IReadOnlyList<CatalogDepartment> Departments { get; }

    /// <summary>True for a unit with a dossier desk: communes, wards and the service center.</summary>
    public static bool HasDesk(CatalogDepartment department) =>
        department.Kind != DepartmentKind.Agency || department.Id == ServiceCenter;

    /// <summary>What each unit sends this round; silent units send nothing.</summary>
    public List<(string Department, string Body)> Round(long round, DateTimeOffset now, TimeSpan interval, IReadOnlyCollection<Incident> active)
    {
        var local = OfficeHours.Local(now);
        var bodies = new List<(string, string)>(Departments.Count);
        foreach (var department in Departments)
        {
            bool Has(IncidentKind kind) => active.Any(i => i.Kind == kind && i.Department == department.Id && i.Covers(round));
            var unit = _units[department.Id];
            var body = new StringBuilder();
            MonthlyReport(body, unit, local);
            Network(body, unit, interval, Has(IncidentKind.LinkDown));
            if (HasDesk(department))
            {
                Dossiers(body, department, unit, local, interval, Has(IncidentKind.OverdueSpike), Has(IncidentKind.OnlineShareDrop));
            }

            if (department.Kind != DepartmentKind.Agency)
            {
                Commune(body, unit, local, interval);
            }

            if (department.Id == ScienceAndTechnology)
            {
                Lgsp(body, local);
            }

            if (department.Id == Finance)
            {
                Budget(body, local, interval);
            }

            // A silent unit still lives (its counters move on): it just does not report.
            if (!Has(IncidentKind.Silence))
            {
                bodies.Add((department.Id, body.ToString()));
            }
        }

        return bodies;
    }

    // Every unit files its monthly dossier report once a month, well before the demo rule's deadline (the 5th).
    private static void MonthlyReport(StringBuilder body, UnitState unit, DateTime local)
    {
        var month = local.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (unit.ReportedMonth != month)
        {
            unit.ReportedMonth = month;
            body.Append(CultureInfo.InvariantCulture, $"monthly_report,month={month} submitted=1i\n");
        }
    }

    private void Network(StringBuilder body, UnitState unit, TimeSpan interval, bool down)
    {
        // uptime_pct is the last 24 hours' uptime, moved by each round's state.
        var weight = interval.TotalSeconds / 86400;
        unit.Uptime += ((down ? 0 : 100) - unit.Uptime) * weight;
        if (down)
        {
            body.Append(CultureInfo.InvariantCulture, $"network,link=wan up=0i,uptime_pct={unit.Uptime:F3}\n");
            return;
        }

        var latency = unit.LatencyBase * (0.8 + _random.NextDouble() * 0.5);
        body.Append(CultureInfo.InvariantCulture, $"network,link=wan up=1i,uptime_pct={unit.Uptime:F3},latency_ms={latency:F1}\n");
    }

    private void Dossiers(StringBuilder body, CatalogDepartment department, UnitState unit, DateTime local, TimeSpan interval, bool overdueSpike, bool portalDown)
    {
        if (local.Date != unit.CounterDay)
        {
            unit.CounterDay = local.Date;
            unit.Received = 0;
        }

        // At the desk during office hours; online submissions (the online share of them) day and night.
        var seconds = interval.TotalSeconds;
        var desk = unit.DossiersPerDay * (1 - unit.Share / 100) * OfficeHours.Desk(local) * seconds / OfficeHours.WorkdaySeconds;
        var online = unit.DossiersPerDay * (unit.Share / 100) * OfficeHours.Online(local) * seconds / OfficeHours.WorkdaySeconds * (portalDown ? 0.2 : 0.8);
        unit.Received += Poisson(desk + online);

        // Resolved on time: at least the unit's on-time rate of what came in (so the ratio rule stays quiet on its own).
        var onTime = Math.Min(unit.Received, (long)Math.Ceiling(unit.Received * unit.OnTimeRate));

        // Overdue: wanders within 2 of the unit's usual level; a spike piles up 3 a round to about 20 more, and
        // clears when the incident ends.
        if (overdueSpike)
        {
            unit.Overdue = Math.Min(unit.Overdue + 3, unit.OverdueBase + 20);
        }
        else if (unit.Overdue > unit.OverdueBase + 2)
        {
            unit.Overdue = unit.OverdueBase;
        }
        else if (_random.NextDouble() < 0.1)
        {
            unit.Overdue = Math.Clamp(unit.Overdue + _random.Next(-1, 2), Math.Max(0, unit.OverdueBase - 2), unit.OverdueBase + 2);
        }

        // Online share: within a point of the unit's usual level; falls towards 40% while the portal is down and
        // climbs back after.
        var target = portalDown ? 40 : unit.ShareBase + (_random.NextDouble() - 0.5) * 2;
        unit.Share += (target - unit.Share) * 0.3;

        var tag = department.Id == ServiceCenter ? "desk=trung-tam" : "desk=mot-cua";
        body.Append(CultureInfo.InvariantCulture, $"dossiers,{tag} received={unit.Received}i,resolved_on_time={onTime}i,overdue={unit.Overdue}i\n");
        body.Append(CultureInfo.InvariantCulture, $"services,{tag} online_share_pct={unit.Share:F1}\n");
    }

    private void Commune(StringBuilder body, UnitState unit, DateTime local, TimeSpan interval)
    {
        unit.Registrations += _registrationsPerDay * unit.RegistrationWeight * OfficeHours.Online(local) * interval.TotalSeconds / 86400 * 2;

        // Now and then, in office hours, a village gets signal (Viettel and VNPT close them out).
        if (unit.VillagesWithoutSignal > 0 && OfficeHours.Desk(local) > 0 && _random.NextDouble() < interval.TotalSeconds / (86400 * 20))
        {
            unit.VillagesWithoutSignal--;
        }

        body.Append(CultureInfo.InvariantCulture, $"digital_skills registrations={(long)unit.Registrations}i\n");
        body.Append(CultureInfo.InvariantCulture, $"coverage villages_without_signal={unit.VillagesWithoutSignal}i\n");
    }

    private void Lgsp(StringBuilder body, DateTime local)
    {
        var activity = 0.15 + 0.85 * Math.Max(OfficeHours.Desk(local), OfficeHours.Online(local) * 0.5);
        foreach (var connection in Connections)
        {
            var calls = Poisson(_lgspBase[connection] * activity);
            var errors = Poisson(calls * 0.004);
            body.Append(CultureInfo.InvariantCulture, $"lgsp,connection={connection} calls={calls}i,errors={errors}i\n");
        }
    }

    private void Budget(StringBuilder body, DateTime local, TimeSpan interval)
    {
        for (var i = 0; i < _budget.Length; i++)
        {
            var (program, allocated, disbursed) = _budget[i];

            // About 0.05% of the allocation a working day, paid out in office hours.
            disbursed = Math.Min(allocated, disbursed + allocated * 0.0005 * OfficeHours.Desk(local) * interval.TotalSeconds / OfficeHours.WorkdaySeconds);
            _budget[i] = (program, allocated, disbursed);
            body.Append(CultureInfo.InvariantCulture, $"budget,program={program} allocated={allocated:F3},disbursed={disbursed:F3}\n");
        }
    }

    /// <summary>Spreads <paramref name="total"/> villages over the communes, most of them to the remote ones.</summary>
    private Dictionary<string, int> Split(int total, List<string> communes)
    {
        var split = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < total && communes.Count > 0; i++)
        {
            var remote = communes.Where(RemoteCommunes.Contains).ToList();
            var pool = remote.Count > 0 && _random.NextDouble() < 0.85 ? remote : communes;
            var commune = pool[_random.Next(pool.Count)];
            split[commune] = split.GetValueOrDefault(commune) + 1;
        }

        return split;
    }

    private long Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            // A normal approximation: Knuth's method underflows for large means.
            var u = 1 - _random.NextDouble();
            var v = _random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
            return Math.Max(0, (long)Math.Round(mean + Math.Sqrt(mean) * normal));
        }

        var limit = Math.Exp(-mean);
        var product = _random.NextDouble();
        long count = 0;
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }
}
