namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>The measurement and tag set: <c>measurement[,key=value...]</c>.</summary>
internal ref partial struct LineParser
{
    private bool ParseKey(out int keyLength)
    {
        var start = _pos;
        keyLength = 0;

        // The caller skipped leading whitespace, so only a comma can make the measurement empty.
        if (_buf[start] == (byte)',')
        {
            return Fail(LineErrors.MissingMeasurement);
        }

        // A measurement has only two delimiters; the space is passed twice to share the three-way search.
        var escaped = false;
        var i = FindUnescaped(start + 1, (byte)',', (byte)' ', (byte)' ', ref escaped);
        if (i >= _end)
        {
            return Fail(LineErrors.MissingFields);
        }

        Measurement = escaped ? UnescapeName(start, i - start, measurement: true) : new TokenRef(start, i - start, false);
        if (Measurement.Length > _limits.MaxMeasurementBytes)
        {
            return Fail(LineErrors.MeasurementTooLong(Measurement.Length, _limits.MaxMeasurementBytes));
        }

        if (_buf[i] == (byte)',')
        {
            _pos = i + 1;
            if (!ParseTags())
            {
                return false;
            }
        }
        else
        {
            _pos = i;
        }

        // InfluxDB limits the escaped key (measurement and tags as sent).
        keyLength = _pos - start;
        if (keyLength > _limits.MaxSeriesKeyBytes)
        {
            return Fail(LineErrors.SeriesKeyTooLong(keyLength, _limits.MaxSeriesKeyBytes));
        }

        return keyLength <= LineErrors.MaxKeyLength || Fail(LineErrors.MaxKeyLengthExceeded(keyLength));
    }

    private bool ParseTags()
    {
        var count = 0;
        while (true)
        {
            if (count >= _limits.MaxTagsPerPoint)
            {
                return Fail(LineErrors.TooManyTags(_limits.MaxTagsPerPoint));
            }

            var keyStart = _pos;
            if (keyStart >= _end || _buf[keyStart] is (byte)' ' or (byte)',' or (byte)'=')
            {
                return Fail(LineErrors.MissingTagKey);
            }

            var keyEscaped = false;
            var i = FindUnescaped(keyStart + 1, (byte)'=', (byte)',', (byte)' ', ref keyEscaped);
            if (i >= _end || _buf[i] != (byte)'=')
            {
                return Fail(LineErrors.MissingTagValue);
            }

            ref var slot = ref _scratch.TagAt(count);
            slot.Key = keyEscaped ? UnescapeName(keyStart, i - keyStart, measurement: false) : new TokenRef(keyStart, i - keyStart, false);
            if (slot.Key.Length > _limits.MaxTagKeyBytes)
            {
                return Fail(LineErrors.TagKeyTooLong(slot.Key.Length, _limits.MaxTagKeyBytes));
            }

            var key = Resolve(slot.Key);
            if (LineErrors.IsReservedKey(key))
            {
                return Fail(LineErrors.ReservedTagKey(key));
            }

            // As in InfluxDB only the value's first byte is checked for emptiness: "k==v" is the value "=v".
            var valueStart = i + 1;
            if (valueStart >= _end || _buf[valueStart] is (byte)',' or (byte)' ')
            {
                return Fail(LineErrors.MissingTagValue);
            }

            var valueEscaped = false;
            var j = FindUnescaped(valueStart + 1, (byte)'=', (byte)',', (byte)' ', ref valueEscaped);
            if (j >= _end)
            {
                return Fail(LineErrors.MissingFields);
            }

            if (_buf[j] == (byte)'=')
            {
                return Fail(LineErrors.InvalidTagFormat + LineErrors.EscapeHint);
            }

            slot.Value = valueEscaped ? UnescapeName(valueStart, j - valueStart, measurement: false) : new TokenRef(valueStart, j - valueStart, false);
            if (slot.Value.Length > _limits.MaxTagValueBytes)
            {
                return Fail(LineErrors.TagValueTooLong(Resolve(slot.Key), slot.Value.Length, _limits.MaxTagValueBytes));
            }

            TagCount = ++count;
            if (_buf[j] == (byte)' ')
            {
                _pos = j;
                return CheckDuplicateTags();
            }

            _pos = j + 1;
        }
    }

    private bool CheckDuplicateTags()
    {
        // Clients usually send tags sorted (InfluxDB recommends it), so check neighbours first and only fall back
        // to comparing every pair when the order is broken.
        var tags = _scratch.Tags;
        for (var i = 1; i < TagCount; i++)
        {
            var order = Resolve(tags[i - 1].Key).SequenceCompareTo(Resolve(tags[i].Key));
            if (order == 0)
            {
                return Fail(LineErrors.DuplicateTags);
            }

            if (order > 0)
            {
                return CheckDuplicateTagsUnsorted();
            }
        }

        return true;
    }

    private bool CheckDuplicateTagsUnsorted()
    {
        var tags = _scratch.Tags;
        for (var i = 0; i < TagCount; i++)
        {
            var key = Resolve(tags[i].Key);
            for (var j = i + 1; j < TagCount; j++)
            {
                if (key.SequenceEqual(Resolve(tags[j].Key)))
                {
                    return Fail(LineErrors.DuplicateTags);
                }
            }
        }

        return true;
    }
}
