namespace OperationsCenter.TimeSeries.Influx;

/// <summary>The InfluxDB generation a server belongs to; it decides which write API the center uses.</summary>
public enum InfluxMajorVersion
{
    /// <summary>InfluxDB 1.x: <c>/write</c> with a database and retention policy.</summary>
    V1 = 1,

    /// <summary>InfluxDB 2.x: <c>/api/v2/write</c> with an organization and bucket.</summary>
    V2 = 2,

    /// <summary>InfluxDB 3.x: its <c>/api/v2/write</c> compatibility endpoint; databases appear on first write.</summary>
    V3 = 3,
}
