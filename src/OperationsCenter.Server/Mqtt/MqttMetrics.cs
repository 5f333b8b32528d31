using System.Diagnostics.Metrics;
using OperationsCenter.Server.Telemetry;

namespace OperationsCenter.Server.Mqtt;

/// <summary>
/// The MQTT endpoint's own instrument on the center's meter (<c>OperationsCenter</c>): open connections
/// ([oc_mqtt_connections]). Points accepted and refused over MQTT are counted where every way in is counted,
/// <c>oc.ingest.points.*</c> with <c>dialect=mqtt</c>.
/// </summary>
internal sealed class MqttMetrics
{
    /// <summary>Creates the instrument; it reads <paramref name="refusals"/> when collected.</summary>
    public MqttMetrics(IMeterFactory meters, MqttRefusals refusals)
    {
        var meter = meters.Create(CenterMetrics.MeterName);
        meter.CreateObservableUpDownCounter("oc.mqtt.connections", () => refusals.Connections, "{connection}", "Open MQTT client connections on this node");
    }
}
