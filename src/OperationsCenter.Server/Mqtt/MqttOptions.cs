namespace OperationsCenter.Server.Mqtt;

/// <summary>The MQTT endpoint of the center (<c>OperationsCenter:Mqtt</c>): a broker that only takes departments' points.</summary>
public sealed class MqttOptions
{
    /// <summary>Plain TCP port; 0 turns the plain endpoint off (and the broker, unless a certificate is set).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address both endpoints bind to: loopback unless configured (<c>0.0.0.0</c> for every IPv4 interface, <c>::</c> for IPv6).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>TLS port, used when <see cref="Certificate"/> is set; 0 turns TLS off.</summary>
    public int TlsPort { get; set; } = 8883;

    /// <summary>Path of a PFX (PKCS#12) file with the certificate and its private key; TLS is on when set.</summary>
    public string? Certificate { get; set; }

    /// <summary>The PFX file's password.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Topics of other brokers the center subscribes to and ingests (<c>OperationsCenter:Mqtt:Subscriptions</c>).</summary>
    public List<MqttSubscriptionOptions> Subscriptions { get; set; } = [];

    /// <summary>True when at least one endpoint is on.</summary>
    public bool Enabled => Port > 0 || (TlsPort > 0 && !string.IsNullOrWhiteSpace(Certificate));
}

/// <summary>
/// One existing broker the center subscribes to: every message on <see cref="Topics"/> is ingested for
/// <see cref="Department"/>, and acknowledged to that broker only once its points are durable in the spool.
/// </summary>
public sealed class MqttSubscriptionOptions
{
    /// <summary>The broker, e.g. <c>mqtt://10.0.0.5:1883</c> or <c>mqtts://broker.example:8883</c>.</summary>
    public string Server { get; set; } = "";

    /// <summary>User name on that broker.</summary>
    public string? Username { get; set; }

    /// <summary>Password on that broker.</summary>
    public string? Password { get; set; }

    /// <summary>Topic filters to subscribe to at QoS 1 (wildcards allowed).</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>The department the messages are ingested for (its <c>department</c> tag, its limits).</summary>
    public string Department { get; set; } = "";

    /// <summary>The client id on that broker; it must stay the same across restarts so the broker keeps the session. Default: <c>operations-center-&lt;department&gt;</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary><c>5</c> (default) or <c>3.1.1</c>.</summary>
    public string Protocol { get; set; } = "5";
}
