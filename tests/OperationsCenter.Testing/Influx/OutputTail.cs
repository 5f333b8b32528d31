namespace OperationsCenter.Testing.Influx;

/// <summary>The last lines a child process wrote, for failure messages.</summary>
internal sealed class OutputTail
{
    private const int MaxLines = 40;
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public string Text
    {
        get
        {
            lock (_lines)
            {
                return _lines.Count == 0 ? "(influxd wrote nothing)" : "influxd output (last lines):\n" + string.Join('\n', _lines);
            }
        }
    }
}
