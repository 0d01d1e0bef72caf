package io.qts.adapters.upbit;

import org.agrona.DirectBuffer;

/**
 * An allocation-free reader of the few fields we need from one JSON message, straight off its bytes: no tree,
 * no strings. Fields are found by the message's structure ({@link #member}: the members of one object, never a
 * key of the same name inside a nested value). Numbers, plain or quoted ("73249.665"), in plain or exponent form
 * (8.428e-05), are parsed straight into fixed-point longs at a given scale; a number with more significant
 * decimals than the scale, or out of range, fails rather than round (except {@link #fixedHalfEven}, which rounds
 * half-even), and so does a number followed by anything but space, a separator or the end of its container
 * ({@code 96123000abc}, {@code 96123000.0.7}). Every reader reports failure through {@link #ok()}: callers check it
 * once at the end.
 */
final class JsonScanner
{
    private static final long[] POW10 = new long[19];
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    static
    {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++)
        {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private DirectBuffer buffer;
    private int start;
    private int end;
    private boolean ok;
    private int stringStart;
    private int stringLength;
    private boolean rounding;

    /** Starts on a message; false if it is not one balanced JSON object or array (outside strings). */
    boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.start = offset;
        this.end = offset + length;
        this.ok = true;
        int depth = 0;
        boolean inString = false;
        boolean any = false;
        for (int i = offset; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (inString)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (b)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                case '[':
                    if (depth == 0 && any)
                    {
                        return false;
                    }
                    depth++;
                    any = true;
                    break;
                case '}':
                case ']':
                    if (--depth < 0)
                    {
                        return false;
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                default:
                    if (depth == 0)
                    {
                        return false;
                    }
            }
        }
        return any && depth == 0 && !inString;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    boolean ok()
    {
        return ok;
    }

    void fail()
    {
        ok = false;
    }

    int end()
    {
        return end;
    }

    /** Position of the message's first value (its top-level object or array). */
    int root()
    {
        return skipSpace(start, end);
    }

    /**
     * Position of the value of the first {@code "key":} at or after {@code from} and before {@code to}, or -1.
     * Does not change {@link #ok()}: a missing optional field is the caller's call.
     */
    int find(final byte[] key, final int from, final int to)
    {
        int i = from;
        while (i < to)
        {
            final byte b = buffer.getByte(i);
            if (b != '"')
            {
                i++;
                continue;
            }
            final int start = i + 1;
            int j = start;
            while (j < to && buffer.getByte(j) != '"')
            {
                j += buffer.getByte(j) == '\\' ? 2 : 1;
            }
            if (j >= to)
            {
                return -1;
            }
            int k = skipSpace(j + 1, to);
            if (k < to && buffer.getByte(k) == ':')
            {
                if (j - start == key.length && equalsAt(start, key))
                {
                    return skipSpace(k + 1, to);
                }
            }
            i = j + 1;
        }
        return -1;
    }

    /** {@link #find} that marks the message not ok when the key is missing. */
    int require(final byte[] key, final int from, final int to)
    {
        final int at = find(key, from, to);
        if (at < 0)
        {
            ok = false;
        }
        return at;
    }

    private int skipSpace(int i, final int to)
    {
        while (i < to)
        {
            final byte b = buffer.getByte(i);
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n')
            {
                break;
            }
            i++;
        }
        return i;
    }

    private boolean equalsAt(final int at, final byte[] text)
    {
        for (int i = 0; i < text.length; i++)
        {
            if (buffer.getByte(at + i) != text[i])
            {
                return false;
            }
        }
        return true;
    }

    /** Whether the value at {@code at} is the literal {@code null}. */
    boolean isNull(final int at)
    {
        return at >= 0 && at + 4 <= end && equalsAt(at, NULL) && endsValue(at + 4);
    }

    /** Whether the key is missing ({@code at} &lt; 0) or its value is {@code null}: an optional field not given. */
    boolean absent(final int at)
    {
        return at < 0 || isNull(at);
    }

    /**
     * Position of the value of {@code key} among the members of the object that starts at {@code objectAt} itself,
     * not inside its nested values, or -1 (also when no object starts there). Decoding by structure: a key of the
     * same name in a nested object never shadows the member.
     */
    int member(final byte[] key, final int objectAt)
    {
        if (objectAt < 0 || objectAt >= end || buffer.getByte(objectAt) != '{')
        {
            return -1;
        }
        int i = skipSpace(objectAt + 1, end);
        while (i < end && buffer.getByte(i) == '"')
        {
            if (!string(i))
            {
                return -1;
            }
            final boolean match = stringLength == key.length && equalsAt(stringStart, key);
            final int colon = skipSpace(stringStart + stringLength + 1, end);
            if (colon >= end || buffer.getByte(colon) != ':')
            {
                return -1;
            }
            final int value = skipSpace(colon + 1, end);
            if (match)
            {
                return value;
            }
            final int after = skipValue(value);
            if (after < 0)
            {
                return -1;
            }
            i = skipSpace(after, end);
            if (i < end && buffer.getByte(i) == ',')
            {
                i = skipSpace(i + 1, end);
            }
        }
        return -1;
    }

    /** {@link #member} that marks the message not ok when the key is missing. */
    int requireMember(final byte[] key, final int objectAt)
    {
        final int at = member(key, objectAt);
        if (at < 0)
        {
            ok = false;
        }
        return at;
    }

    /** Position of the first element of the array that starts at {@code arrayAt}, or -1 if empty or not an array. */
    int firstElement(final int arrayAt)
    {
        if (arrayAt < 0 || arrayAt >= end || buffer.getByte(arrayAt) != '[')
        {
            return -1;
        }
        final int first = skipSpace(arrayAt + 1, end);
        return first < end && buffer.getByte(first) != ']' ? first : -1;
    }

    /** End (exclusive) of the value starting at {@code at}: a string, a container or a scalar; -1 if unbalanced. */
    private int skipValue(final int at)
    {
        if (at >= end)
        {
            return -1;
        }
        final byte b = buffer.getByte(at);
        if (b == '"')
        {
            return string(at) ? stringStart + stringLength + 1 : -1;
        }
        if (b == '{' || b == '[')
        {
            return endOfContainer(at);
        }
        int i = at;
        while (i < end)
        {
            final byte c = buffer.getByte(i);
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n')
            {
                break;
            }
            i++;
        }
        return i;
    }

    /** Whether the value at {@code at} is the string {@code text} exactly. */
    boolean stringIs(final int at, final byte[] text)
    {
        if (!string(at))
        {
            return false;
        }
        return stringLength == text.length && equalsAt(stringStart, text);
    }

    /** Reads the string value at {@code at} (no unescaping); then {@link #stringStart()}/{@link #stringLength()}. */
    boolean string(final int at)
    {
        if (at < 0 || at >= end || buffer.getByte(at) != '"')
        {
            return false;
        }
        int j = at + 1;
        while (j < end && buffer.getByte(j) != '"')
        {
            j += buffer.getByte(j) == '\\' ? 2 : 1;
        }
        if (j >= end)
        {
            return false;
        }
        stringStart = at + 1;
        stringLength = j - at - 1;
        return true;
    }

    int stringStart()
    {
        return stringStart;
    }

    int stringLength()
    {
        return stringLength;
    }

    /** End (exclusive) of the object or array value starting at {@code at}; -1 if it is not one. */
    int endOfContainer(final int at)
    {
        if (at < 0 || at >= end || (buffer.getByte(at) != '{' && buffer.getByte(at) != '['))
        {
            return -1;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = at; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (inString)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inString = false;
                }
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b == '{' || b == '[')
            {
                depth++;
            }
            else if ((b == '}' || b == ']') && --depth == 0)
            {
                return i + 1;
            }
        }
        return -1;
    }

    /** A whole number, plain or quoted; fails on anything else. */
    long integer(final int at)
    {
        return fixed(at, 0);
    }

    /**
     * The number at {@code at} (plain, or inside quotes) times 10^scale, exactly. Fails (returns 0, not ok) on a
     * missing value, a non-number, more significant decimals than {@code scale}, or overflow.
     */
    long fixed(final int at, final int scale)
    {
        if (at < 0 || at >= end)
        {
            ok = false;
            return 0;
        }
        int i = at;
        final boolean quoted = buffer.getByte(i) == '"';
        if (quoted)
        {
            i++;
        }
        boolean negative = false;
        if (i < end && buffer.getByte(i) == '-')
        {
            negative = true;
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean fraction = false;
        int significant = 0;
        for (; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b >= '0' && b <= '9')
            {
                digits++;
                if (mantissa == 0 && b == '0')
                {
                    if (fraction)
                    {
                        fractionDigits++;
                    }
                    continue;
                }
                if (++significant > 19 || mantissa > (Long.MAX_VALUE - (b - '0')) / 10)
                {
                    ok = false;
                    return 0;
                }
                mantissa = mantissa * 10 + (b - '0');
                if (fraction)
                {
                    fractionDigits++;
                }
            }
            else if (b == '.' && !fraction)
            {
                fraction = true;
            }
            else
            {
                break;
            }
        }
        if (digits == 0)
        {
            ok = false;
            return 0;
        }
        int exponent = 0;
        if (i < end && (buffer.getByte(i) == 'e' || buffer.getByte(i) == 'E'))
        {
            i++;
            boolean expNegative = false;
            if (i < end && (buffer.getByte(i) == '-' || buffer.getByte(i) == '+'))
            {
                expNegative = buffer.getByte(i) == '-';
                i++;
            }
            int expDigits = 0;
            for (; i < end && buffer.getByte(i) >= '0' && buffer.getByte(i) <= '9'; i++)
            {
                exponent = exponent * 10 + (buffer.getByte(i) - '0');
                if (++expDigits > 3)
                {
                    ok = false;
                    return 0;
                }
            }
            if (expDigits == 0)
            {
                ok = false;
                return 0;
            }
            exponent = expNegative ? -exponent : exponent;
        }
        if (quoted)
        {
            if (i >= end || buffer.getByte(i) != '"')
            {
                ok = false;
                return 0;
            }
            i++;
        }
        if (!endsValue(i))
        {
            ok = false;
            return 0;
        }
        final long value = rounding ? rounded(mantissa, scale + exponent - fractionDigits) : scaled(mantissa, scale + exponent - fractionDigits);
        return negative ? -value : value;
    }

    /** Whether a scalar value may end at {@code i}: only space, a separator or the end of its container may follow. */
    private boolean endsValue(final int i)
    {
        final int next = skipSpace(i, end);
        if (next >= end)
        {
            return true;
        }
        final byte b = buffer.getByte(next);
        return b == ',' || b == '}' || b == ']';
    }

    /**
     * {@link #fixed}, but digits beyond {@code scale} are rounded half-even instead of failing (a venue fee quoted
     * with more decimals than our money scale). Still fails on a non-number or overflow.
     */
    long fixedHalfEven(final int at, final int scale)
    {
        rounding = true;
        try
        {
            return fixed(at, scale);
        }
        finally
        {
            rounding = false;
        }
    }

    /** mantissa x 10^shift, rounded half-even when shift drops digits. */
    private long rounded(final long mantissa, final int shift)
    {
        if (shift >= 0 || mantissa == 0)
        {
            return scaled(mantissa, shift);
        }
        if (-shift > POW10.length)
        {
            return 0;
        }
        if (-shift == POW10.length)
        {
            // 10^19 does not fit a long; every mantissa is below it, so the result is 0 or 1.
            return mantissa > 5_000_000_000_000_000_000L ? 1 : 0;
        }
        final long divisor = POW10[-shift];
        final long quotient = mantissa / divisor;
        final long twiceRemainder = 2 * (mantissa % divisor);
        if (twiceRemainder > divisor || (twiceRemainder == divisor && (quotient & 1) == 1))
        {
            return quotient + 1;
        }
        return quotient;
    }

    /** mantissa x 10^shift, exactly, or fail. */
    private long scaled(final long mantissa, final int shift)
    {
        if (mantissa == 0)
        {
            return 0;
        }
        if (shift >= 0)
        {
            if (shift >= POW10.length || mantissa > Long.MAX_VALUE / POW10[shift])
            {
                ok = false;
                return 0;
            }
            return mantissa * POW10[shift];
        }
        if (-shift >= POW10.length || mantissa % POW10[-shift] != 0)
        {
            ok = false;
            return 0;
        }
        return mantissa / POW10[-shift];
    }
}
