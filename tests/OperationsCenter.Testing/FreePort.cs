using System.Net;
using System.Net.Sockets;

namespace OperationsCenter.Testing;

/// <summary>Free loopback TCP ports for the servers a test starts.</summary>
public static class FreePort
{
    /// <summary>A port nobody listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive ports nobody listens on, below Linux's ephemeral range
    /// (32768 and up), so no client connection of a test running beside it takes one of them meanwhile; for a command
    /// that numbers its servers from a base port (<c>scripts/cluster.sh</c>).
    /// </summary>
    public static int Block(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(20_000, 32_000 - count);
            if (Enumerable.Range(first, count).All(Free))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free ports between 20000 and 32000");
    }

    private static bool Free(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
