using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using OperationsCenter.Testing;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OperationsCenter.Server.Tests.Notifications.Email;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer library) that offers STARTTLS with a self-signed certificate made
/// here, requires sign-in after TLS, and keeps every mail it takes. It can be stopped and started again on the same
/// port, as a mail relay going down and coming back.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    public const string UserName = "ioc-relay";
    public const string Password = "relay-password-7";

    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private CancellationTokenSource? _running;
    private Task? _serving;

    private SmtpSink(int port, X509Certificate2 certificate, string certificatePath)
    {
        Port = port;
        _certificate = certificate;
        CertificatePath = certificatePath;
    }

    public int Port { get; }

    /// <summary>The server's certificate as PEM, for <c>OperationsCenter:Email:TrustedCertificate</c>.</summary>
    public string CertificatePath { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>A sink on a free port; started unless <paramref name="start"/> is false (the relay is down).</summary>
    public static SmtpSink Create(bool start = true)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp.laichau.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Re-imported so the private key is usable by SslStream on Linux.
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        var path = Path.Combine(Path.GetTempPath(), $"oc-smtp-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, created.ExportCertificatePem());
        var sink = new SmtpSink(FreePort.Next(), certificate, path);
        if (start)
        {
            sink.Start();
        }

        return sink;
    }

    /// <summary>Center settings that send mail here, from <c>ioc@laichau.test</c>, signed in.</summary>
    public Dictionary<string, string?> Settings(string baseUrl) => new()
    {
        ["OperationsCenter:Email:Host"] = "127.0.0.1",
        ["OperationsCenter:Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["OperationsCenter:Email:From"] = "Trung tâm IOC Lai Châu <ioc@laichau.test>",
        ["OperationsCenter:Email:UserName"] = UserName,
        ["OperationsCenter:Email:Password"] = Password,
        ["OperationsCenter:Email:TrustedCertificate"] = CertificatePath,
        ["OperationsCenter:Email:BaseUrl"] = baseUrl,
        ["OperationsCenter:Email:RetryDelay"] = "00:00:00.2",
        ["OperationsCenter:Email:MaxRetryDelay"] = "00:00:01",
    };

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.laichau.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).Certificate(_certificate)
                .AllowUnsecureAuthentication(false).AuthenticationRequired(true))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingUserAuthenticator((user, password) => user == UserName && password == Password));
        _running = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        _serving = server.StartAsync(_running.Token);
    }

    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _serving!;
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
    }

    /// <summary>The mails addressed to <paramref name="address"/>.</summary>
    public IReadOnlyList<ReceivedMail> To(string address) =>
        [.. _received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _certificate.Dispose();
        File.Delete(CertificatePath);
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            sink._received.Enqueue(new ReceivedMail(
                message, [.. transaction.To.Select(m => $"{m.User}@{m.Host}")], context.Pipe.IsSecure, context.Authentication.User));
            return SmtpResponse.Ok;
        }
    }
}
