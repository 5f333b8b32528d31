using System.Diagnostics;

namespace OperationsCenter.Testing.Nginx;

/// <summary>
/// A real nginx (Debian's) on a free loopback port in front of a cluster's nodes, configured by the same
/// <c>scripts/cluster-nginx.sh</c> that <c>scripts/cluster.sh</c> uses, so the tests exercise the configuration people run.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly string _root;
    private readonly Process _process;

    private NginxProcess(string root, int port, Process process)
    {
        _root = root;
        Port = port;
        _process = process;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Writes the configuration for <paramref name="nodes"/>, starts nginx and waits until it answers <c>/ping</c>.</summary>
    public static async Task<NginxProcess> StartAsync(IEnumerable<Uri> nodes)
    {
        var root = Path.Combine(Path.GetTempPath(), "oc-nginx-" + Guid.NewGuid().ToString("N")[..12]);
        var port = FreePort.Next();
        var configure = new ProcessStartInfo(Checkout.PathOf("scripts/cluster-nginx.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        configure.ArgumentList.Add(port.ToString());
        configure.ArgumentList.Add(root);
        foreach (var node in nodes)
        {
            configure.ArgumentList.Add(node.GetLeftPart(UriPartial.Authority));
        }

        using (var script = Process.Start(configure)!)
        {
            var error = await script.StandardError.ReadToEndAsync();
            await script.WaitForExitAsync();
            if (script.ExitCode != 0)
            {
                throw new InvalidOperationException($"scripts/cluster-nginx.sh failed: {error}");
            }
        }

        var executable = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(root);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Path.Combine(root, "nginx.conf"));
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx");
        ChildProcesses.Track(process);
        var nginx = new NginxProcess(root, port, process);

        using var client = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await nginx.DisposeAsync();
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await File.ReadAllTextAsync(Path.Combine(root, "error.log"))}");
            }

            try
            {
                using var response = await client.GetAsync("/ping");
                if (response.IsSuccessStatusCode)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await nginx.DisposeAsync();
        throw new TimeoutException($"nginx on port {port} did not pass /ping to a node within 30 s");
    }

    /// <summary>A client for nginx's address.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Stops nginx (SIGTERM: the master stops its workers, which a SIGKILL would orphan) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            ChildProcesses.Signal(_process.Id, ChildProcesses.Terminate);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await ChildProcesses.KillAsync(_process);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
