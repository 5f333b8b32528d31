using System.Collections.Concurrent;

namespace OperationsCenter.Server.Mqtt;

/// <summary>
/// What the MQTT endpoint refused, per department: lines of a message (the message's valid lines are kept) and whole
/// messages (a limit, or the spool could not take them). Shown on <c>/health</c> under <c>mqtt</c>, since an MQTT 3.1.1
/// client has no way to hear about a refused line.
/// </summary>
public sealed class MqttRefusals
{
    private readonly ConcurrentDictionary<string, Department> _departments = new(StringComparer.Ordinal);
    private long _connections;
    private long _messages;
    private long _pointsAccepted;

    /// <summary>The port of the plain endpoint while it listens (0: off).</summary>
    public int Port { get; set; }

    /// <summary>The port of the TLS endpoint while it listens (0: off).</summary>
    public int TlsPort { get; set; }

    /// <summary>Open client connections.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>A client connected (+1) or went away (-1).</summary>
    public void Connection(int delta) => Interlocked.Add(ref _connections, delta);

    /// <summary>Counts a message taken (in part or whole) with <paramref name="points"/> points made durable.</summary>
    public void Stored(long points)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _pointsAccepted, points);
    }

    /// <summary>Counts <paramref name="lines"/> refused lines of one message (or 1 for a message refused whole) and keeps the reason.</summary>
    public void Refused(string department, int lines, string error)
    {
        var entry = _departments.GetOrAdd(department, _ => new Department());
        lock (entry)
        {
            entry.Refused += lines;
            entry.LastError = error;
            entry.LastErrorAt = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>Refusals so far for <paramref name="department"/>.</summary>
    public long RefusedFor(string department) => _departments.TryGetValue(department, out var entry) ? Volatile.Read(ref entry.Refused) : 0;

    /// <summary>The <c>/health</c> entry; error texts only when <paramref name="detailed"/> (a signed-in person).</summary>
    public object Snapshot(bool detailed)
    {
        var departments = _departments.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        return new
        {
            Port,
            TlsPort,
            Connections,
            Messages = Interlocked.Read(ref _messages),
            PointsAccepted = Interlocked.Read(ref _pointsAccepted),
            RefusedByDepartment = departments.ToDictionary(d => d.Key, d => Volatile.Read(ref d.Value.Refused)),
            LastErrors = detailed
                ? departments.ToDictionary(d => d.Key, d => { lock (d.Value) { return new { d.Value.LastError, d.Value.LastErrorAt }; } })
                : null,
        };
    }

    private sealed class Department
    {
        public long Refused;
        public string? LastError;
        public DateTimeOffset? LastErrorAt;
    }
}
