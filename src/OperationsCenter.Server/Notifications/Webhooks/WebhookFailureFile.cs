using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>
/// <c>webhook-failures.log</c>: one JSON line per failed delivery, fsynced, so a lost notification can be found and
/// sent by hand even after a restart.
/// </summary>
internal sealed class WebhookFailureFile(string path)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock _gate = new();

    /// <summary>The file's full path.</summary>
    public string Path { get; } = path;

    /// <summary>Appends the failure as one line.</summary>
    public void Append(WebhookFailure failure)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(failure, Json) + "\n");
        lock (_gate)
        {
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(line);
            file.Flush(flushToDisk: true);
        }
    }
}
