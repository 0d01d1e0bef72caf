package io.qts.adapters.upbit;

import io.qts.engine.book.ClientOrderIds;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The {@code identifier} an order carries at the venue: {@code <nonce>-<engine id>-<sequence>}, e.g.
 * {@code 9f86d081884c7d659a2feaa0c55ad015-1-1234}, where the nonce is 128 random bits (32 lowercase hex digits) drawn
 * once when a session starts and the rest is the engine's client order id ({@link ClientOrderIds}). Upbit remembers
 * every identifier an account ever sent (a reused one is refused with 400 {@code duplicate_identifier}), so the
 * nonce keeps ids apart across restarts, var dirs, machines and engine ids, while the id after it stays
 * deterministic from the journal. The nonce is kept in the session's {@code session.json} ({@code "nonce"}), so a
 * replay, and a process that continues the session, derive the same identifiers. An identifier with another nonce,
 * or of another shape, is not this session's: {@link #clientOrderId} gives -1 and the order is never adopted.
 */
public final class VenueIdentifiers
{
    /** Length of a session nonce: 32 lowercase hex digits (128 bits). */
    public static final int NONCE_HEX_DIGITS = 32;
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{" + NONCE_HEX_DIGITS + "}");
    private static final int MAX_ENGINE_ID_DIGITS = 5;
    private static final int MAX_SEQUENCE_DIGITS = 15;

    private final String nonce;
    private final byte[] prefix;

    private VenueIdentifiers(final String nonce)
    {
        this.nonce = nonce;
        this.prefix = (nonce + "-").getBytes(StandardCharsets.US_ASCII);
    }

    /** A new session's nonce: 128 bits from {@code random}, as 32 lowercase hex digits. */
    public static String newNonce(final SecureRandom random)
    {
        final byte[] bits = new byte[NONCE_HEX_DIGITS / 2];
        random.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    /** @throws IllegalArgumentException when {@code nonce} is not 32 lowercase hex digits. */
    public static VenueIdentifiers of(final String nonce)
    {
        if (nonce == null || !NONCE.matcher(nonce).matches())
        {
            throw new IllegalArgumentException("a session nonce is " + NONCE_HEX_DIGITS + " lowercase hex digits, got '" + nonce + "'");
        }
        return new VenueIdentifiers(nonce);
    }

    /** This session's nonce, 32 lowercase hex digits. */
    public String nonce()
    {
        return nonce;
    }

    /** The venue identifier of one of this session's orders. */
    public String identifier(final long clientOrderId)
    {
        return nonce + "-" + ClientOrderIds.engineIdOf(clientOrderId) + "-" + ClientOrderIds.sequenceOf(clientOrderId);
    }

    /**
     * The client order id in an identifier (its text at {@code offset}, {@code length} bytes, unescaped ASCII);
     * -1 when it is not one of this session's. Allocation-free: the decoder calls it on the engine thread.
     */
    public long clientOrderId(final DirectBuffer text, final int offset, final int length)
    {
        if (length <= prefix.length)
        {
            return -1;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (text.getByte(offset + i) != prefix[i])
            {
                return -1;
            }
        }
        final int end = offset + length;
        int i = offset + prefix.length;
        long engineId = 0;
        final int engineStart = i;
        while (i < end && isDigit(text.getByte(i)) && i - engineStart < MAX_ENGINE_ID_DIGITS)
        {
            engineId = engineId * 10 + (text.getByte(i++) - '0');
        }
        if (i == engineStart || i >= end || text.getByte(i) != '-' || engineId > ClientOrderIds.MAX_ENGINE_ID)
        {
            return -1;
        }
        i++;
        final int sequenceStart = i;
        long sequence = 0;
        while (i < end && isDigit(text.getByte(i)) && i - sequenceStart < MAX_SEQUENCE_DIGITS)
        {
            sequence = sequence * 10 + (text.getByte(i++) - '0');
        }
        if (i == sequenceStart || i != end || sequence > ClientOrderIds.MAX_SEQUENCE)
        {
            return -1;
        }
        return ClientOrderIds.of((int)engineId, sequence);
    }

    private static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }
}
