package io.qts.engine.pipeline;

import io.qts.engine.OutputListener;
import io.qts.engine.book.Sides;
import io.qts.journal.sbe.EngineState;
import io.qts.journal.sbe.EngineStateChangedEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderRejectedEncoder;
import io.qts.journal.sbe.RejectReason;
import io.qts.journal.sbe.StateChangeReason;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The engine's output stream (orders, fills, rejects, state changes) as SBE records: each one goes into a SHA-256
 * digest, so two runs decided the same exactly when their digests are equal, and to the listener.
 */
public final class OutputRecorder
{
    private final MessageDigest sha256;
    private final OutputListener listener;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderRejectedEncoder rejected = new OrderRejectedEncoder();
    private final EngineStateChangedEncoder stateChanged = new EngineStateChangedEncoder();

    /** @param listener told of every output record as it is written (after the digest is updated). */
    public OutputRecorder(final OutputListener listener)
    {
        try
        {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("the JDK has no SHA-256", ex);
        }
        this.listener = listener;
    }

    void record(final DirectBuffer record, final int offset, final int length)
    {
        sha256.update(record.byteArray(), record.wrapAdjustment() + offset, length);
        listener.onOutput(record, offset, length);
    }

    void riskReject(
        final long timeNs, final long clientOrderId, final int instrumentId, final int reason, final int side,
        final long price, final long qty)
    {
        rejected.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(timeNs)
            .clientOrderId(clientOrderId)
            .instrumentId(instrumentId)
            .reason(RejectReason.get(reason))
            .side(Sides.toSbe(side))
            .price(price)
            .qty(qty);
        record(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + rejected.encodedLength());
    }

    void stateChanged(final long timeNs, final EngineState state, final StateChangeReason reason)
    {
        stateChanged.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(timeNs)
            .state(state)
            .reason(reason);
        record(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + stateChanged.encodedLength());
    }

    /**
     * The digest of the output so far. Taken from a copy of the running hash, so the engine may go on recording
     * (a result taken mid-session, as reconciliation does, must not end the digest). Cold path: allocates.
     */
    public String digestHex()
    {
        final byte[] digest;
        try
        {
            digest = ((MessageDigest)sha256.clone()).digest();
        }
        catch (final CloneNotSupportedException ex)
        {
            throw new IllegalStateException("this JVM's SHA-256 cannot be copied", ex);
        }
        final StringBuilder hex = new StringBuilder(64);
        for (final byte b : digest)
        {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
