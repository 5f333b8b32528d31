using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>The stored state of one alert (grain storage <c>alerts</c>), so acknowledgements survive restarts.</summary>
[GenerateSerializer]
public sealed class AlertRecord
{
    [Id(0)] public AlertView? View { get; set; }
}
