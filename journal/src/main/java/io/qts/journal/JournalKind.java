package io.qts.journal;

/**
 * What a journal holds, recorded in its header so that a tool given the wrong one says which it needs. A run
 * directory has an {@code in} and an {@code out} journal side by side; {@code qts import} writes an imported one.
 */
public enum JournalKind
{
    /** Every input of a session as received: market data, venue answers, timers, admin commands. */
    IN("in", 1),
    /** Every order and request the session sent; never replayed. */
    OUT("out", 2),
    /** Market history converted by {@code qts import}: an instrument definition then SBE events. */
    IMPORTED("imported", 3);

    private final String label;
    private final int code;

    JournalKind(final String label, final int code)
    {
        this.label = label;
        this.code = code;
    }

    /** The name printed and expected by tools: in, out or imported. */
    public String label()
    {
        return label;
    }

    int code()
    {
        return code;
    }

    /** @return the kind stored under {@code code}, or null for a code this build does not know. */
    static JournalKind fromCode(final int code)
    {
        for (final JournalKind kind : values())
        {
            if (kind.code == code)
            {
                return kind;
            }
        }
        return null;
    }
}
