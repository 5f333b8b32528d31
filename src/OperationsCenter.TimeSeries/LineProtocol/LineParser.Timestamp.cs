namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>The optional timestamp and the end of the line.</summary>
internal ref partial struct LineParser
{
    // InfluxDB's valid range: int64 minus the two extreme values, which it uses as sentinels.
    private const long MinNanoTime = long.MinValue + 2;
    private const long MaxNanoTime = long.MaxValue - 1;

    private bool ParseTimestamp()
    {
        var p = SkipWhitespace(_pos);
        if (p >= _end)
        {
            return true;
        }

        var negative = _buf[p] == (byte)'-';
        var digitsStart = negative ? p + 1 : p;
        var rel = _buf[digitsStart.._end].IndexOf((byte)' ');
        var digitsEnd = rel < 0 ? _end : digitsStart + rel;
        if (!LineNumbers.TryParseDigits(_buf[digitsStart..digitsEnd], out var magnitude, out _)
            || !LineNumbers.TryToInt64(negative, magnitude, out var units))
        {
            return Fail(LineErrors.BadTimestamp);
        }

        if (!TryToNanoseconds(units, out var nanoseconds))
        {
            return Fail(LineErrors.TimeOutOfRange + LineErrors.UnitHint(magnitude, _nanosPerUnit));
        }

        // Only spaces may follow the timestamp.
        for (var i = digitsEnd; i < _end; i++)
        {
            if (_buf[i] != (byte)' ')
            {
                return Fail(LineErrors.TrailingGarbage);
            }
        }

        HasTimestamp = true;
        Timestamp = nanoseconds;
        return true;
    }

    private readonly bool TryToNanoseconds(long units, out long nanoseconds)
    {
        var multiplier = _nanosPerUnit;
        if (multiplier != 1 && (units > long.MaxValue / multiplier || units < long.MinValue / multiplier))
        {
            nanoseconds = 0;
            return false;
        }

        nanoseconds = units * multiplier;
        return nanoseconds is >= MinNanoTime and <= MaxNanoTime;
    }
}
