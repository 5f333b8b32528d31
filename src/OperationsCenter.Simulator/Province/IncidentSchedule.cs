using OperationsCenter.Catalog;

namespace OperationsCenter.Simulator.Province;

/// <summary>
/// Starts an incident now and then (on average every <c>every</c>, each lasting about <c>length</c>) at a unit that
/// has none, so the demo rules fire and resolve while a newcomer watches; tests force their own.
/// </summary>
internal sealed class IncidentSchedule(IReadOnlyList<CatalogDepartment> departments, TimeSpan every, TimeSpan length, TimeSpan interval, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<Incident> _incidents = [];

    /// <summary>Called with each incident as it is scheduled.</summary>
    public event Action<Incident>? Started;

    /// <summary>Every incident scheduled so far.</summary>
    public IReadOnlyList<Incident> All => _incidents;

    /// <summary>Adds an incident (a test's, or the command line's).</summary>
    public void Force(Incident incident)
    {
        _incidents.Add(incident);
        Started?.Invoke(incident);
    }

    /// <summary>The incidents active in <paramref name="round"/>, after maybe starting a new one.</summary>
    public IReadOnlyList<Incident> Active(long round)
    {
        _incidents.RemoveAll(i => i.EndRound <= round);

        // The first comes a few rounds in, so a newcomer need not wait; then on average one per `every`.
        var first = round == Math.Max(1, (long)(15 / interval.TotalSeconds));
        if (every > TimeSpan.Zero && (first || _random.NextDouble() < interval / every))
        {
            Start(round);
        }

        return [.. _incidents.Where(i => i.Covers(round))];
    }

    private void Start(long round)
    {
        var kind = (IncidentKind)_random.Next(Enum.GetValues<IncidentKind>().Length);
        var candidates = departments
            .Where(d => kind switch
            {
                IncidentKind.Silence => d.Kind == DepartmentKind.Commune,
                IncidentKind.OverdueSpike or IncidentKind.OnlineShareDrop => ProvinceModel.HasDesk(d),
                _ => true,
            })
            .Where(d => _incidents.All(i => i.Department != d.Id))
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var department = candidates[_random.Next(candidates.Count)];
        var rounds = (long)Math.Max(1, length * (0.8 + _random.NextDouble() * 0.4) / interval);
        Force(new Incident(kind, department.Id, round, round + rounds));
    }
}
