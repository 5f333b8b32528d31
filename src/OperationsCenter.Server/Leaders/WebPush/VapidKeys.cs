using System.Security.Cryptography;
using System.Text.Json;

namespace OperationsCenter.Server.Leaders.WebPush;

/// <summary>
/// The center's VAPID identity (RFC 8292): a P-256 key pair, base64url as browsers take it, and a contact subject.
/// From <c>OperationsCenter:Push:Vapid:PublicKey/PrivateKey/Subject</c>, or made once on first start and kept in
/// the data folder (<c>push-vapid.json</c>, owner-only), so subscriptions made against it keep working across restarts.
/// </summary>
/// <param name="PublicKey">The uncompressed public point (65 bytes), base64url: the page's <c>applicationServerKey</c>.</param>
/// <param name="PrivateKey">The private scalar (32 bytes), base64url.</param>
/// <param name="Subject">A <c>mailto:</c> or <c>https:</c> contact for push services.</param>
public sealed record VapidKeys(string PublicKey, string PrivateKey, string Subject)
{
    /// <summary>The file in the data folder that keeps generated keys.</summary>
    public const string FileName = "push-vapid.json";

    private const string DefaultSubject = "mailto:operations-center@localhost";

    /// <summary>The configured keys, else those kept in <paramref name="dataDirectory"/>, else new ones stored there.</summary>
    /// <exception cref="InvalidOperationException">Only one of the two keys is configured.</exception>
    public static VapidKeys Load(IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection("OperationsCenter:Push:Vapid");
        var subject = section["Subject"] is { Length: > 0 } configured ? configured : DefaultSubject;
        var (publicKey, privateKey) = (section["PublicKey"], section["PrivateKey"]);
        if (publicKey is { Length: > 0 } && privateKey is { Length: > 0 })
        {
            return new VapidKeys(publicKey, privateKey, subject);
        }

        if (publicKey is { Length: > 0 } || privateKey is { Length: > 0 })
        {
            throw new InvalidOperationException(
                "OperationsCenter:Push:Vapid needs both PublicKey and PrivateKey (base64url), or neither to have keys generated in the data folder.");
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path) && JsonSerializer.Deserialize<VapidKeys>(File.ReadAllText(path)) is { } kept)
        {
            return kept with { Subject = section["Subject"] is { Length: > 0 } ? subject : kept.Subject };
        }

        var made = Generate(subject);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(made));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Not over a pair another node of the cluster made at the same moment in the shared folder: take that one.
            File.Move(temporary, path, overwrite: false);
            return made;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Load(configuration, dataDirectory);
        }
    }

    /// <summary>A new P-256 key pair.</summary>
    public static VapidKeys Generate(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        byte[] point = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
        return new VapidKeys(Base64Url.Encode(point), Base64Url.Encode(parameters.D!), subject);
    }
}
