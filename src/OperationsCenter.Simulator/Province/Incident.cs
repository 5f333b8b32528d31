namespace OperationsCenter.Simulator.Province;

/// <summary>An incident at one unit, from round <paramref name="StartRound"/> up to (not including) <paramref name="EndRound"/>.</summary>
internal sealed record Incident(IncidentKind Kind, string Department, long StartRound, long EndRound)
{
    /// <summary>True during round <paramref name="round"/>.</summary>
    public bool Covers(long round) => round >= StartRound && round < EndRound;
}
