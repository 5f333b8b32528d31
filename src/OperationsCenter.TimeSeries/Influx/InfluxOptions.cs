namespace OperationsCenter.TimeSeries.Influx;

/// <summary>
/// Where and how the center writes history to InfluxDB and queries it back; bound from the configuration section
/// <c>OperationsCenter:Influx</c>.
/// </summary>
public sealed class InfluxOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "OperationsCenter:Influx";

    /// <summary>InfluxDB's base address; a path prefix (behind a proxy) is kept.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:8086");

    /// <summary>The 1.x database; also the InfluxQL database for queries on any version.</summary>
    public string Database { get; set; } = "operations_center";

    /// <summary>The 1.x retention policy to write to; null for the database's default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>The 2.x organization (3.x ignores it).</summary>
    public string Org { get; set; } = "";

    /// <summary>The 2.x bucket or 3.x database; <see cref="Database"/> when empty.</summary>
    public string Bucket { get; set; } = "";

    /// <summary>The 2.x/3.x API token, sent as <c>Authorization: Token …</c>. For 1.x use <see cref="Username"/>.</summary>
    public string? Token { get; set; }

    /// <summary>The 1.x user when authentication is enabled; sent with <see cref="Password"/> as Basic auth.</summary>
    public string? Username { get; set; }

    /// <summary>The 1.x password of <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Create the database (1.x: <c>CREATE DATABASE</c>) or bucket (2.x) when missing, at connect and when a 1.x
    /// write answers "database not found".
    /// </summary>
    public bool CreateDatabase { get; set; } = true;

    /// <summary>How long one request may take before it counts as a (transient) failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// 1.x bodies larger than this many bytes are sent gzip-compressed; <see cref="int.MaxValue"/> (the default)
    /// never compresses. Compression costs CPU on both sides, which on one machine or a LAN is the scarce part;
    /// turn it on for an InfluxDB across a slow link.
    /// </summary>
    public int GzipThresholdBytes { get; set; } = int.MaxValue;

    /// <summary>
    /// InfluxDB 1.x OSS is built without unsigned integer support and refuses every line holding a <c>123u</c>
    /// field ("invalid number"). When true the 1.x writer sends unsigned values up to <see cref="long.MaxValue"/>
    /// as integers (<c>123i</c>); larger ones are left as they are, so InfluxDB refuses just those lines.
    /// </summary>
    public bool UnsignedAsIntegerOnV1 { get; set; } = true;

    /// <summary>The 2.x bucket / 3.x database actually written: <see cref="Bucket"/>, or <see cref="Database"/> when that is empty.</summary>
    public string EffectiveBucket => string.IsNullOrEmpty(Bucket) ? Database : Bucket;
}
