namespace OperationsCenter.Simulator.Province;

/// <summary>What one unit reports, as it evolves round by round.</summary>
internal sealed class UnitState
{
    /// <summary>The local month whose monthly dossier report the unit has sent (the first of the month, or at start).</summary>
    public string? ReportedMonth { get; set; }

    /// <summary>The local day the dossier counters belong to; they restart at midnight.</summary>
    public DateTime CounterDay { get; set; }

    /// <summary>Dossiers a desk receives on a full weekday; 0 for units without a desk.</summary>
    public double DossiersPerDay { get; init; }

    public long Received { get; set; }

    public double OnTimeRate { get; init; }

    public int OverdueBase { get; init; }

    public int Overdue { get; set; }

    public double ShareBase { get; init; }

    public double Share { get; set; }

    public double Uptime { get; set; }

    public double LatencyBase { get; init; }

    public double Registrations { get; set; }

    /// <summary>This commune's share of the province's new portal registrations.</summary>
    public double RegistrationWeight { get; init; }

    public int VillagesWithoutSignal { get; set; }
}
