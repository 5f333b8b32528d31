using System.Buffers;

namespace OperationsCenter.Server.LiveState;

/// <summary>
/// What live state needs of a request's accepted points, taken in the same pass that writes their canonical lines:
/// per point its series key (a slice of the canonical bytes), timestamp and numeric field values. Handed to
/// <see cref="SeriesBatcher"/> once the canonical lines are durable, so the body is never parsed again.
/// </summary>
internal sealed class LivePoints : IDisposable
{
    private Point[] _points = ArrayPool<Point>.Shared.Rent(64);
    private Value[] _values = ArrayPool<Value>.Shared.Rent(256);
    private byte[] _names = ArrayPool<byte>.Shared.Rent(2048);
    private int _namesLength;

    /// <summary>Points recorded.</summary>
    public int Count { get; private set; }

    private int ValueCount { get; set; }

    /// <summary>Starts a point whose series key is <paramref name="keyLength"/> bytes at <paramref name="keyStart"/> of the canonical lines.</summary>
    public void BeginPoint(int keyStart, int keyLength, long timestamp)
    {
        if (Count == _points.Length)
        {
            Grow(ref _points, Count * 2);
        }

        _points[Count++] = new Point(keyStart, keyLength, timestamp, ValueCount, 0);
    }

    /// <summary>Adds a numeric value of the current point.</summary>
    public void AddValue(ReadOnlySpan<byte> field, double value)
    {
        if (ValueCount == _values.Length)
        {
            Grow(ref _values, ValueCount * 2);
        }

        if (_namesLength + field.Length > _names.Length)
        {
            Grow(ref _names, Math.Max(_names.Length * 2, _namesLength + field.Length));
        }

        field.CopyTo(_names.AsSpan(_namesLength));
        _values[ValueCount++] = new Value(_namesLength, field.Length, value);
        _namesLength += field.Length;
        _points[Count - 1] = _points[Count - 1] with { ValueCount = _points[Count - 1].ValueCount + 1 };
    }

    /// <summary>The point at <paramref name="index"/>.</summary>
    public Point PointAt(int index) => _points[index];

    /// <summary>The <paramref name="index"/>th value of <paramref name="point"/>: field name (unescaped) and value.</summary>
    public ReadOnlySpan<byte> ValueOf(Point point, int index, out double value)
    {
        var entry = _values[point.FirstValue + index];
        value = entry.Number;
        return _names.AsSpan(entry.NameStart, entry.NameLength);
    }

    /// <summary>Returns the buffers to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<Point>.Shared.Return(_points);
        ArrayPool<Value>.Shared.Return(_values);
        ArrayPool<byte>.Shared.Return(_names);
        _points = [];
        _values = [];
        _names = [];
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        var larger = ArrayPool<T>.Shared.Rent(size);
        array.AsSpan().CopyTo(larger);
        ArrayPool<T>.Shared.Return(array);
        array = larger;
    }

    /// <summary>One accepted point.</summary>
    /// <param name="KeyStart">Offset of its series key in the canonical lines.</param>
    /// <param name="KeyLength">Length of the key.</param>
    /// <param name="Timestamp">Nanoseconds since the Unix epoch.</param>
    /// <param name="FirstValue">Index of its first numeric value.</param>
    /// <param name="ValueCount">Its numeric values.</param>
    public readonly record struct Point(int KeyStart, int KeyLength, long Timestamp, int FirstValue, int ValueCount);

    private readonly record struct Value(int NameStart, int NameLength, double Number);
}
