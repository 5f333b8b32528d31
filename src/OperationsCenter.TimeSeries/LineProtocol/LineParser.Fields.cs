namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>The field set: <c>key=value[,key=value...]</c>.</summary>
internal ref partial struct LineParser
{
    private bool ParseFields(int keyLength)
    {
        var p = SkipWhitespace(_pos);
        if (p >= _end)
        {
            return Fail(LineErrors.MissingFields);
        }

        FieldSetStart = p;

        var count = 0;
        while (true)
        {
            if (count >= _limits.MaxFieldsPerPoint)
            {
                return Fail(LineErrors.TooManyFields(_limits.MaxFieldsPerPoint));
            }

            var first = _buf[p];
            if (first == (byte)'=')
            {
                return Fail(LineErrors.MissingFieldKey);
            }

            if (first is (byte)',' or (byte)' ')
            {
                return Fail(LineErrors.InvalidFieldFormat + LineErrors.EscapeHint);
            }

            // "a=1,b" and "cpu value" have a key without '=': InfluxDB calls that an invalid field format.
            var escaped = false;
            var i = FindUnescaped(p + 1, (byte)'=', (byte)',', (byte)' ', ref escaped);
            if (i >= _end || _buf[i] != (byte)'=')
            {
                return Fail(LineErrors.InvalidFieldFormat + LineErrors.EscapeHint);
            }

            ref var slot = ref _scratch.FieldAt(count);
            slot.Key = escaped ? UnescapeName(p, i - p, measurement: false) : new TokenRef(p, i - p, false);
            slot.RawKeyLength = i - p;
            if (slot.Key.Length > _limits.MaxFieldKeyBytes)
            {
                return Fail(LineErrors.FieldKeyTooLong(slot.Key.Length, _limits.MaxFieldKeyBytes));
            }

            var key = Resolve(slot.Key);
            if (LineErrors.IsReservedKey(key))
            {
                return Fail(LineErrors.ReservedFieldKey(key));
            }

            // InfluxDB stores each field under "key#!~#field"; the 4 is that separator.
            var seriesKeySize = keyLength + 4 + slot.RawKeyLength;
            if (seriesKeySize > LineErrors.MaxKeyLength)
            {
                return Fail(LineErrors.MaxKeyLengthExceeded(seriesKeySize));
            }

            var v = i + 1;
            if (v >= _end || _buf[v] is (byte)',' or (byte)' ')
            {
                return Fail(LineErrors.MissingFieldValue);
            }

            int next;
            if (_buf[v] == (byte)'"')
            {
                if (!ParseString(v, ref slot, out next))
                {
                    return false;
                }

                if (slot.Text.Length > _limits.MaxStringFieldBytes)
                {
                    return Fail(LineErrors.StringFieldTooLong(Resolve(slot.Key), slot.Text.Length, _limits.MaxStringFieldBytes));
                }
            }
            else
            {
                next = FindAny(v, (byte)',', (byte)' ');
                if (!ParseScalar(_buf[v..next], ref slot))
                {
                    return false;
                }
            }

            FieldCount = ++count;
            if (next >= _end || _buf[next] == (byte)' ')
            {
                _pos = next;
                FieldSetEnd = next;
                return true;
            }

            // A comma must be followed by another field ("a=1," is an invalid field format in InfluxDB).
            p = next + 1;
            if (p >= _end)
            {
                return Fail(LineErrors.InvalidFieldFormat + LineErrors.EscapeHint);
            }
        }
    }

    private bool ParseScalar(ReadOnlySpan<byte> token, ref FieldSlot slot)
    {
        var c = token[0];
        string? reason;
        if ((uint)(c - '0') <= 9 || c is (byte)'-' or (byte)'.')
        {
            reason = LineNumbers.ParseNumber(token, out slot.Kind, out slot.Bits);
            if (reason == LineErrors.InvalidNumber)
            {
                // "-Inf" and "-NaN" start like numbers; say what is actually wrong.
                reason = LineNumbers.NonFiniteReason(token) ?? reason;
            }
        }
        else if (c is (byte)'t' or (byte)'T' or (byte)'f' or (byte)'F')
        {
            slot.Kind = FieldKind.Boolean;
            reason = TryParseBoolean(token, out var value) ? null : LineErrors.InvalidBoolean;
            slot.Bits = value ? 1UL : 0UL;
        }
        else
        {
            // InfluxDB treats any other unquoted value as a (bad) boolean; NaN, Inf and "+1" get clearer reasons.
            reason = LineNumbers.NonFiniteReason(token) ?? (c == (byte)'+' ? LineErrors.InvalidNumber : LineErrors.InvalidBoolean);
        }

        return reason is null || Fail(LineErrors.WithField(reason, Resolve(slot.Key), token));
    }

    /// <summary>The boolean spellings InfluxDB accepts: t T true True TRUE f F false False FALSE.</summary>
    private static bool TryParseBoolean(ReadOnlySpan<byte> token, out bool value)
    {
        value = token[0] is (byte)'t' or (byte)'T';
        return token.Length switch
        {
            1 => true,
            4 => token.SequenceEqual("true"u8) || token.SequenceEqual("True"u8) || token.SequenceEqual("TRUE"u8),
            5 => token.SequenceEqual("false"u8) || token.SequenceEqual("False"u8) || token.SequenceEqual("FALSE"u8),
            _ => false,
        };
    }

    /// <summary>Parses a quoted string starting at the opening quote <paramref name="quote"/>.</summary>
    private bool ParseString(int quote, ref FieldSlot slot, out int next)
    {
        next = quote;
        var i = quote + 1;
        var escaped = false;
        while (true)
        {
            var rel = _buf[i.._end].IndexOfAny((byte)'"', (byte)'\\');
            if (rel < 0)
            {
                // No closing quote on this line: like InfluxDB, the string (and the line) continues after the
                // line break. Without one the rest of the body is a single unbalanced line.
                i = _end;
                if (!TryExtendLine())
                {
                    return Fail(LineErrors.UnbalancedQuotes);
                }

                continue;
            }

            i += rel;
            if (_buf[i] == (byte)'"')
            {
                break;
            }

            // A backslash escapes only '"' and '\'; before anything else it is a literal backslash.
            if (i + 1 < _end && _buf[i + 1] is (byte)'"' or (byte)'\\')
            {
                escaped = true;
                i += 2;
            }
            else
            {
                i++;
            }
        }

        var contentStart = quote + 1;
        var length = i - contentStart;
        slot.Kind = FieldKind.String;
        slot.Bits = 0;
        if (escaped)
        {
            var destination = _scratch.Reserve(length, out var offset);
            var n = LineEscaping.UnescapeString(_buf.Slice(contentStart, length), destination);
            _scratch.Commit(n);
            slot.Text = new TokenRef(offset, n, true);
        }
        else
        {
            slot.Text = new TokenRef(contentStart, length, false);
        }

        next = i + 1;
        if (next < _end && _buf[next] is not ((byte)',' or (byte)' '))
        {
            // `"a""` opens another quote in InfluxDB's eyes; anything else glued to the string is malformed.
            return Fail(_buf[next] == (byte)'"' ? LineErrors.UnbalancedQuotes : LineErrors.InvalidFieldFormat + LineErrors.EscapeHint);
        }

        return true;
    }
}
