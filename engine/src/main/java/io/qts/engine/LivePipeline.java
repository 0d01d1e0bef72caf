package io.qts.engine;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.qts.engine.pipeline.EngineCore;
import io.qts.engine.pipeline.EngineThreads;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.OrderConsumer;
import io.qts.engine.pipeline.OrderFeed;
import io.qts.engine.pipeline.OutboundSlot;
import io.qts.engine.pipeline.ParallelStages;
import io.qts.engine.pipeline.WaitStrategies;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalException;
import io.qts.journal.JournalReader;
import org.agrona.DirectBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

/**
 * The live engine: inputs are published into one Disruptor ring, and one consumer thread runs the
 * stage chain (journal, decode, signal, risk, execution) on each; or, in the parallel topology, three
 * threads run it as {@link ParallelStages} lays it out. Orders leave through an outbound
 * ring that the venue gateway polls. All inputs are published from one thread (the feed's).
 */
public final class LivePipeline implements AutoCloseable
{
    private static final int OUTBOUND_SIZE = 1024;
    private static final long ENGINE_EXIT_WAIT_MS = 5_000;

    private final EngineCore core;
    private final ParallelStages parallel;
    private final EngineThreads threads;
    private final Disruptor<InboundSlot> disruptor;
    private final RingBuffer<InboundSlot> inbound;
    private final RingBuffer<OutboundSlot> outbound = RingBuffer.createSingleProducer(OutboundSlot::new, OUTBOUND_SIZE);
    private final EventPoller<OutboundSlot> poller = outbound.newPoller();
    private final EventPoller.Handler<OutboundSlot> pollHandler = this::onOutbound;
    private final InputSink publisher = this::publish;
    private final OrderFeed orderFeed = this::drainAfterIdle;
    private OrderConsumer pollTarget;
    private volatile Throwable failure;
    private boolean stopped;
    private boolean started;
    /** While true (recovery, before start) the execution stage's sends go nowhere: they were sent, or not, back then. */
    private boolean recovering;
    private long lastRecoveredNs = Long.MIN_VALUE;

    /**
     * A pipeline for a concluded context: every input is written to the journal before any stage acts on it, and the
     * output stream goes to the listener on the engine thread. No thread runs until {@link #start()}.
     *
     * @throws IllegalStateException if {@link EngineContext#conclude()} was not called.
     */
    public LivePipeline(final EngineContext context, final Journal journal, final OutputListener listener)
    {
        outbound.addGatingSequences(poller.getSequence());
        core = new EngineCore(context, journal, this::sendOutbound, listener);
        threads = new EngineThreads(context.cpuIds(), this::recordFailure);
        disruptor = new Disruptor<>(
            InboundSlot::new, context.ringSize(), threads,
            context.multiProducer() ? ProducerType.MULTI : ProducerType.SINGLE, WaitStrategies.create(context.waitStrategy()));
        if (EngineContext.PARALLEL.equals(context.topology()))
        {
            parallel = new ParallelStages(core.chain);
            disruptor.handleEventsWith(parallel.journal, parallel.decodeSignal).then(parallel.riskExecution);
        }
        else
        {
            parallel = null;
            disruptor.handleEventsWith(core.chain);
        }
        disruptor.setDefaultExceptionHandler(new Failure());
        inbound = disruptor.getRingBuffer();
        core.chain.journalAheadOn(inbound);
    }

    /** Starts the engine thread(s) on the inbound ring; call once, after {@link #recover} if the session is resumed. */
    public void start()
    {
        started = true;
        disruptor.start();
    }

    /**
     * Recovery mode: runs every entry of a session's journal (venue answers included) through the same stage chain,
     * on the calling thread, before {@link #start}: positions, cash, orders in flight, strategy and risk state are
     * rebuilt exactly as the earlier processes of the session left them, and the output stream (digest) continues from
     * there. Entries keep their journal sequences, so client order ids are the ones derived back then. Nothing is sent
     * (an order decided back then was handed to the venue then, or not: reconciliation asks) and nothing is journaled
     * again: the live journal stage appends after these entries.
     *
     * @return the number of entries replayed.
     * @throws JournalException on an entry whose checksum does not match.
     * @throws IllegalStateException if the pipeline has started.
     */
    public long recover(final Journal journal)
    {
        if (started)
        {
            throw new IllegalStateException("recover before start");
        }
        final InboundSlot slot = new InboundSlot();
        final JournalEntry entry = new JournalEntry();
        final CRC32C crc = new CRC32C();
        long entries = 0;
        recovering = true;
        try (JournalReader reader = journal.reader())
        {
            while (reader.next(entry))
            {
                if (!entry.checksumMatches(crc))
                {
                    throw new JournalException(String.format(
                        "corrupt journal entry at index 0x%x in %s (run 'qts journal verify')", entry.index(), journal.dir()));
                }
                slot.set(entry.timeNs(), entry.sourceId(), entry.format(), entry.payloadBuffer(), 0, entry.length());
                slot.sequence = entry.sequence();
                core.chain.decodeAndSignal(slot);
                core.chain.riskAndExecution(slot);
                lastRecoveredNs = Math.max(lastRecoveredNs, entry.timeNs());
                entries++;
            }
        }
        finally
        {
            recovering = false;
        }
        return entries;
    }

    /** Event time of the last entry {@link #recover} replayed; Long.MIN_VALUE if none. */
    public long lastRecoveredNs()
    {
        return lastRecoveredNs;
    }

    /**
     * Client order ids of the orders the engine holds in flight, ascending. Call it before {@link #start} (after
     * {@link #recover}) or once the engine is idle ({@link #awaitIdle}) with no publisher active.
     */
    public long[] openOrderIds()
    {
        return core.execution.ordersInFlight();
    }

    /**
     * The instrument id of the order in flight {@code clientOrderId} ({@link #openOrderIds}), or -1 if none is; call it
     * when {@link #openOrderIds} may be called.
     */
    public int openOrderInstrument(final long clientOrderId)
    {
        return core.execution.instrumentOfOrder(clientOrderId);
    }

    /**
     * What the engine holds now. Waits until it has finished every input published so far; call it when no
     * other thread is publishing (the disruptor's sequence barrier orders the engine thread's writes before this read).
     */
    public EngineResult resultSoFar()
    {
        if (started && !stopped)
        {
            awaitIdle();
        }
        return core.result();
    }

    /** Publishes inputs; call from one thread only (or, with EngineContext.multiProducer, from several under one lock). */
    public InputSink input()
    {
        return publisher;
    }

    /** The outbound path as the gateway sees it. */
    public OrderFeed orders()
    {
        return orderFeed;
    }

    /**
     * After the engine stopped on an error nothing consumes the ring: inputs are dropped instead of blocking the
     * publisher forever (they were never journaled, so nothing acted on them; a restart reconciles with the venue).
     */
    private void publish(
        final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset, final int length)
    {
        long sequence;
        while (true)
        {
            if (failure != null)
            {
                return;
            }
            try
            {
                sequence = inbound.tryNext();
                break;
            }
            catch (final InsufficientCapacityException full)
            {
                LockSupport.parkNanos(1);
            }
        }
        try
        {
            inbound.get(sequence).set(timeNs, sourceId, format, buffer, offset, length);
        }
        finally
        {
            inbound.publish(sequence);
        }
    }

    private boolean sendOutbound(final DirectBuffer buffer, final int offset, final int length)
    {
        if (recovering)
        {
            return true;
        }
        if (length > OutboundSlot.CAPACITY || !outbound.hasAvailableCapacity(1))
        {
            return false;
        }
        final long sequence = outbound.next();
        final OutboundSlot slot = outbound.get(sequence);
        slot.buffer.putBytes(0, buffer, offset, length);
        slot.length = length;
        outbound.publish(sequence);
        return true;
    }

    /**
     * Hands over the order commands sent so far, without waiting; nothing once the engine stopped on an error
     * (e.g. its journal could not be written): no order leaves after that. A consumer that cannot journal an order
     * (it throws {@link JournalException}) stops the engine the same way.
     */
    public void pollOrders(final OrderConsumer consumer)
    {
        if (failure != null)
        {
            return;
        }
        pollTarget = consumer;
        try
        {
            poller.poll(pollHandler);
        }
        catch (final JournalException ex)
        {
            // The outbound journal could not be written, so the order was not sent: stop as for the inbound one;
            // stop() reports it.
            recordFailure(ex);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("order consumer failed", ex);
        }
    }

    private boolean onOutbound(final OutboundSlot slot, final long sequence, final boolean endOfBatch)
    {
        pollTarget.onOrder(slot.buffer, 0, slot.length);
        return true;
    }

    private void drainAfterIdle(final OrderConsumer consumer)
    {
        awaitIdle();
        pollOrders(consumer);
    }

    /** Waits until the engine has finished every input published so far. */
    public void awaitIdle()
    {
        final long published = inbound.getCursor();
        while (inbound.getMinimumGatingSequence() < published)
        {
            checkFailure();
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Inputs the engine has finished. */
    public long processed()
    {
        return inbound.getMinimumGatingSequence() + 1;
    }

    /** What the engine counts and holds, readable from any thread while it runs (metrics, JMX). */
    public EngineFigures figures()
    {
        return core.figures();
    }

    /** Free slots in the inbound ring: inputs that can still be published before a publisher waits. */
    public long ringRemainingCapacity()
    {
        return inbound.remainingCapacity();
    }

    /** True once the engine has stopped on an error (a journal that cannot be written, a failing stage). */
    public boolean failed()
    {
        return failure != null;
    }

    long consumerThreadId()
    {
        return core.chain.consumerThreadId();
    }

    /** The error the engine stopped on, or null while it runs (or ended well). */
    public Throwable failure()
    {
        return failure;
    }

    /**
     * Lets the engine finish what was published, stops it and returns what it ended with.
     *
     * @throws JournalException      as thrown on the engine thread, when the journal could not be written: its
     *                               message is the one line to show.
     * @throws IllegalStateException when the engine stopped on any other error.
     */
    public EngineResult stop()
    {
        if (!stopped && failure != null)
        {
            stopped = true;
            abandonParallel();
            disruptor.halt();
            awaitEngineThreads();
        }
        if (!stopped)
        {
            stopped = true;
            try
            {
                disruptor.shutdown(60, TimeUnit.SECONDS);
            }
            catch (final TimeoutException ex)
            {
                disruptor.halt();
                throw new IllegalStateException("engine did not finish its inputs within 60 s", ex);
            }
            awaitEngineThreads();
        }
        checkFailure();
        return core.result();
    }

    /**
     * The ring's halt returns before its threads end; they close the inbound appender on their way out, which must
     * happen before the journal is closed (else it gets no end marker).
     */
    private void awaitEngineThreads()
    {
        try
        {
            threads.join(ENGINE_EXIT_WAIT_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void checkFailure()
    {
        final Throwable t = failure;
        if (t instanceof JournalException)
        {
            throw (JournalException)t;
        }
        if (t != null)
        {
            throw new IllegalStateException("engine stopped on an error: " + t, t);
        }
    }

    @Override
    public void close()
    {
        if (!stopped)
        {
            stopped = true;
            abandonParallel();
            disruptor.halt();
        }
    }

    private void abandonParallel()
    {
        if (parallel != null)
        {
            parallel.abandon();
        }
    }

    /**
     * Keeps the first failure: the one that stopped the engine. In the parallel topology the other engine threads
     * fail after it because it stopped them (decode/signal: "the risk/execution thread stopped"), which would
     * otherwise replace the cause stop() reports. Runs only when the engine fails, never on the hot path.
     */
    private synchronized void recordFailure(final Throwable ex)
    {
        if (failure == null)
        {
            failure = ex;
        }
    }

    /** Any exception on the engine thread stops the engine; it is reported, never swallowed. */
    private final class Failure implements ExceptionHandler<InboundSlot>
    {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final InboundSlot event)
        {
            recordFailure(ex);
            abandonParallel();
            disruptor.halt();
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            recordFailure(ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            recordFailure(ex);
        }
    }
}
