namespace OperationsCenter.Simulator.Province;

/// <summary>What goes wrong at a unit; each kind is what one demo rule watches for.</summary>
internal enum IncidentKind
{
    /// <summary>The unit sends nothing at all (rule <c>commune-silent</c>); only communes.</summary>
    Silence,

    /// <summary>Overdue dossiers pile up at the desk, then are cleared (rule <c>overdue-dossiers-rising</c>).</summary>
    OverdueSpike,

    /// <summary>The dedicated data network link is down (rule <c>network-link-down</c>).</summary>
    LinkDown,

    /// <summary>The online service portal fails, so the share done fully online falls (rule <c>online-service-share-low</c>).</summary>
    OnlineShareDrop,
}
