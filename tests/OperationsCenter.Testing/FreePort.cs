using System.Net;
using System.Net.Sockets;

namespace OperationsCenter.Testing;

/// <summary>
/// Free loopback TCP ports for the servers a test starts. The test projects run side by side in separate processes, so
/// "free right now" is not enough: two processes asking the kernel for a port at the same moment can be handed the same
/// one, and whichever server binds second fails (or, worse, a test talks to the other process's server). Each port
/// handed out is therefore reserved with an exclusive file lock that its process holds until it exits (the kernel
/// drops the lock even on kill -9), and ports come from below Linux's ephemeral range (32768 and up), so no client
/// connection of a test running beside it takes one meanwhile.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_000;

    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "operationscenter-test-ports");
    private static readonly Dictionary<int, FileStream> Reserved = [];

    /// <summary>A port nobody listens on right now and no other test process has been handed.</summary>
    public static int Next() => Block(1);

    /// <summary>
    /// The first of <paramref name="count"/> consecutive such ports, for a command that numbers its servers from a base
    /// port (<c>scripts/cluster.sh</c>).
    /// </summary>
    public static int Block(int count)
    {
        System.IO.Directory.CreateDirectory(Directory);
        lock (Reserved)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var first = Random.Shared.Next(First, Last - count);
                var locks = new List<FileStream>();
                if (Enumerable.Range(first, count).All(port => TryReserve(port, locks) && Free(port)))
                {
                    for (var k = 0; k < count; k++)
                    {
                        Reserved[first + k] = locks[k];
                    }

                    return first;
                }

                locks.ForEach(l => l.Dispose());
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free ports between {First} and {Last}");
    }

    private static bool TryReserve(int port, List<FileStream> locks)
    {
        if (Reserved.ContainsKey(port))
        {
            return false;
        }

        try
        {
            // FileShare.None takes an exclusive flock(2) on Unix, seen by every process.
            locks.Add(new FileStream(Path.Combine(Directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
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
