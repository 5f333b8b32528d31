using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>
/// Checks the SMTP server's certificate: the system's trust, or else a chain to <see cref="EmailOptions.TrustedCertificate"/>
/// (a self-signed relay or an internal CA). A name that does not match is refused either way.
/// </summary>
internal sealed class TrustedCertificates(IOptionsMonitor<EmailOptions> options)
{
    /// <summary>The callback MailKit calls during the TLS handshake.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null
            || options.CurrentValue.TrustedCertificate is not { Length: > 0 } path || !File.Exists(path))
        {
            return false;
        }

        var trusted = new X509Certificate2Collection();
        trusted.ImportFromPemFile(path);
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(trusted);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var presented = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(presented);
    }
}
