using System.Globalization;
using System.Net;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Security;

/// <summary>Nothing binds beyond loopback unless configured: every socket the server process listens on, as the kernel lists them.</summary>
public sealed class ExposureTests
{
    [Fact]
    public async Task Every_listening_socket_of_the_server_process_is_on_loopback()
    {
        // Configured as shipped (appsettings.json), except the ports, which must not collide with other tests.
        await using var center = await CenterProcess.StartAsync();
        var sockets = ListeningSockets(center.ProcessId);

        Assert.True(sockets.Count >= 3, $"expected HTTP, silo and gateway listeners, found: {string.Join(", ", sockets)}");
        Assert.All(sockets, endpoint => Assert.True(IPAddress.IsLoopback(endpoint.Address), $"{endpoint} is reachable from other machines"));
        Assert.Contains(sockets, e => e.Port == center.Port);
    }

    /// <summary>The process's listening TCP sockets: its socket inodes matched against /proc/net/tcp and tcp6.</summary>
    private static List<IPEndPoint> ListeningSockets(int pid)
    {
        var inodes = new HashSet<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target[8..^1]);
            }
        }

        var listening = new List<IPEndPoint>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var row in File.ReadLines(table).Skip(1))
            {
                var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns[3] == "0A" && inodes.Contains(columns[9]))
                {
                    listening.Add(Parse(columns[1]));
                }
            }
        }

        return listening;
    }

    // "0100007F:1F90": the address in the kernel's byte order per 32-bit word, then the port in hex.
    private static IPEndPoint Parse(string local)
    {
        var (hex, port) = (local[..local.IndexOf(':')], int.Parse(local[(local.IndexOf(':') + 1)..], NumberStyles.HexNumber));
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPEndPoint(new IPAddress(bytes), port);
    }
}
