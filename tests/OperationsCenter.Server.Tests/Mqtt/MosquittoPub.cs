using System.Diagnostics;

namespace OperationsCenter.Server.Tests.Mqtt;

/// <summary><c>mosquitto_pub</c> (Debian's mosquitto-clients) run as a child process, as a department's script would.</summary>
internal static class MosquittoPub
{
    /// <summary>What one run printed and how it ended.</summary>
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}; stdout: {Output}; stderr: {Error}";
    }

    /// <summary>
    /// Publishes at QoS 1 on 127.0.0.1:<paramref name="port"/> with <paramref name="key"/> as the password;
    /// <paramref name="message"/> is one message (<c>-m</c>), or with <paramref name="linesFromStdin"/> every line of it is a message (<c>-l</c>).
    /// </summary>
    public static async Task<Run> PublishAsync(
        int port, string key, string topic, string message, string? version = null, bool linesFromStdin = false, IEnumerable<string>? extra = null,
        string user = "anything")
    {
        var start = new ProcessStartInfo("mosquitto_pub")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = linesFromStdin,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(), "-q", "1", "-u", user, "-P", key, "-t", topic, "-d" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in extra ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        if (version is not null)
        {
            start.ArgumentList.Add("-V");
            start.ArgumentList.Add(version);
        }

        if (linesFromStdin)
        {
            start.ArgumentList.Add("-l");
        }
        else
        {
            start.ArgumentList.Add("-m");
            start.ArgumentList.Add(message);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto_pub did not start (scripts/prerequisites.sh --tests installs mosquitto-clients)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (linesFromStdin)
        {
            await process.StandardInput.WriteAsync(message);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }
}
