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

    /// <summary>True when at least one endpoint is on.</summary>
    public bool Enabled => Port > 0 || (TlsPort > 0 && !string.IsNullOrWhiteSpace(Certificate));
}
