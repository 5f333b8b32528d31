using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Mqtt;

/// <summary>MQTT over TLS when a certificate is configured: mosquitto_pub verifies the center's certificate and publishes.</summary>
public sealed class MqttTlsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oc-mqtt-tls-").FullName;

    [Fact]
    public async Task A_configured_certificate_turns_on_the_tls_port_and_points_arrive_through_it()
    {
        // A self-signed certificate for 127.0.0.1, as a PFX with a password for the center and as PEM for the client's trust.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(_folder, "center.pfx");
        var pem = Path.Combine(_folder, "ca.pem");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem());

        var tlsPort = FreePort.Next();
        await using var mqtt = await MqttCenter.StartAsync(new Dictionary<string, string?>
        {
            ["OperationsCenter:Mqtt:TlsPort"] = tlsPort.ToString(),
            ["OperationsCenter:Mqtt:Certificate"] = pfx,
            ["OperationsCenter:Mqtt:CertificatePassword"] = "pfx-password",
        });

        var run = await MosquittoPub.PublishAsync(tlsPort, TestDepartments.KeyFor("so-noi-vu"), "ioc/so-noi-vu/influx",
            "mqtt_tls value=1", "mqttv5", extra: ["--cafile", pem]);
        Assert.True(run.ExitCode == 0, run.ToString());
        await mqtt.AwaitCountsAsync("mqtt_tls", new Dictionary<string, long> { ["so-noi-vu"] = 1 });
        Assert.Equal(tlsPort, (await mqtt.HealthMqttAsync()).GetProperty("tlsPort").GetInt32());

        // The same client without TLS on the TLS port gets nowhere.
        var plain = await MosquittoPub.PublishAsync(tlsPort, TestDepartments.KeyFor("so-noi-vu"), "ioc/so-noi-vu/influx", "mqtt_tls value=2", "mqttv5");
        Assert.NotEqual(0, plain.ExitCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
