package io.qts.adapters.run;

import io.qts.adapters.upbit.SerializedInput;
import io.qts.adapters.upbit.UpbitAuth;
import io.qts.adapters.upbit.UpbitInstruments;
import io.qts.adapters.upbit.UpbitMarketData;
import io.qts.adapters.upbit.UpbitMyOrders;
import io.qts.adapters.upbit.UpbitOrderGateway;
import io.qts.adapters.upbit.VenueIdentifiers;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineFigures;
import io.qts.engine.EngineResult;
import io.qts.engine.LivePipeline;
import io.qts.engine.OutputListener;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.DirectBuffer;
import io.qts.journal.JournalKind;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A live session over real sockets against an Upbit-compatible venue (Upbit itself or the exchange
 * simulator): market data from its public WebSocket, orders through its REST API, fills from its private
 * stream, all journaled as received into in/ and decided by the live pipeline. With {@code paper} no order
 * leaves the process ({@link PaperVenue}) and no key is needed.
 */
public final class LiveSession
{
    /**
     * How long the engine and the gateway must have been idle before a finished session is stopped: longer
     * than the gateway's rate-limit window, so an order waiting for the window still goes out.
     */
    private static final long SETTLE_MS = 1_500;
    private static final long MAX_SETTLE_MS = 10_000;
    /**
     * The parameter key of the orderly stop's HALT: a continued session lifts that halt once it is reconciled, unlike
     * an operator's (or a reconciliation's) HALT, which has none and stays until an operator resumes.
     */
    public static final String STOP_HALT_KEY = "stop";
    /** A feed that is not up by then keeps reconnecting in the background; the session goes on. */
    private static final long CONNECT_WAIT_MS = 10_000;

    private LiveSession()
    {
    }

    /** Where the venue is; {@code auth} is null for a paper session. */
    public record Venue(String name, URI publicWebSocket, URI privateWebSocket, URI rest, UpbitAuth auth, long staleAfterMs)
    {
    }

    /**
     * What a session does around going live. A session on an in-process venue does nothing here; a session on a
     * venue account recovers its journal before the engine starts and reconciles with the venue before market data
     * (and so any new order) flows (io.qts.adapters.recovery.SessionRecovery).
     */
    public interface StartUp
    {
        /** Does nothing around going live: a session on an in-process venue. */
        StartUp NONE = new StartUp()
        {
        };

        /**
         * Before the engine starts, with the session's inbound journal open for append.
         *
         * @return the earliest receive time new inputs may have (the last journaled one), Long.MIN_VALUE for none.
         */
        default long beforeStart(final LivePipeline pipeline, final Journal in)
        {
            return Long.MIN_VALUE;
        }

        /** Once inputs can be published, before anything else is. */
        default void inputReady(final SerializedInput input) throws InterruptedException
        {
        }

        /** The private stream and the gateway run; market data does not yet. */
        default void beforeMarketData(final LivePipeline pipeline, final SerializedInput input) throws InterruptedException
        {
        }

        /**
         * After {@link #beforeMarketData}: the orders recovered in flight that the venue still works, by client order
         * id, each with the venue's answer for it; the gateway asks for them again after a private-stream reconnect.
         */
        default Map<Long, byte[]> ordersStillWorking()
        {
            return Map.of();
        }
    }

    /**
     * Result of one session; the wall-clock time is for events/s only. {@code stoppedBy}: "end" (the session ended by
     * itself), "signal" (an orderly stop) or "second signal" (stopped at once); {@code unresolvedOrders}: the venue
     * identifiers of the orders the engine still had in flight when it stopped (in doubt: a replay of the journal
     * leaves them in flight too, so the next start must ask the venue for them); none for a paper session.
     */
    public record Outcome(EngineResult result, long elapsedNs, long ordersSent, long reconnects, String stoppedBy,
        List<String> unresolvedOrders)
    {
    }

    /**
     * @param admin    operator commands put into the inputs at their times, journaled like every input.
     * @param onConnected run once the market-data stream is connected (the simulator starts playing then).
     * @param finished polled every 100 ms: true once the session should end by itself (the simulator's tape
     *                 played, the configured duration reached).
     * @param stop     polled every 100 ms: an operator's signal. The first puts a journaled HALT in at once (no new
     *                 entries; exits still go, and a replay halts at the same input), then waits up to
     *                 {@code run.stopTimeoutMs} for the venue to answer the orders in flight; a second ends the wait.
     */
    public static Outcome run(
        final RunSettings settings, final Venue venue, final boolean paper, final UpbitOrderGateway.Market market,
        final AdminSchedule admin, final Runnable onConnected, final BooleanSupplier finished, final StopRequest stop,
        final Path inDir, final Path outDir,
        final PrintWriter progress, final PrintStream log)
        throws InterruptedException
    {
        return run(settings, venue, paper, market, admin, onConnected, finished, stop, inDir, outDir, progress, log, SessionObserver.NONE);
    }

    /** As above; {@code observer} is told when the session is up (with a {@link LiveView} of it) and when it ended. */
    public static Outcome run(
        final RunSettings settings, final Venue venue, final boolean paper, final UpbitOrderGateway.Market market,
        final AdminSchedule admin, final Runnable onConnected, final BooleanSupplier finished, final StopRequest stop,
        final Path inDir, final Path outDir, final PrintWriter progress, final PrintStream log, final SessionObserver observer)
        throws InterruptedException
    {
        return run(settings, venue, paper, market, admin, onConnected, finished, stop, inDir, outDir, progress, log, observer,
            StartUp.NONE);
    }

    /** As above, with a {@link StartUp}: recovery and reconciliation for a session on a venue account. */
    public static Outcome run(
        final RunSettings settings, final Venue venue, final boolean paper, final UpbitOrderGateway.Market market,
        final AdminSchedule admin, final Runnable onConnected, final BooleanSupplier finished, final StopRequest stop,
        final Path inDir, final Path outDir, final PrintWriter progress, final PrintStream log, final SessionObserver observer,
        final StartUp startUp)
        throws InterruptedException
    {
        return run(settings, venue, paper, List.of(market), admin, onConnected, finished, stop, inDir, outDir, progress, log, observer,
            startUp);
    }

    /**
     * As above, trading several markets at once ({@code run.symbol: KRW-BTC,KRW-ETH}): one public subscription with
     * every code, one private stream, one gateway that sends each order to its instrument's market.
     *
     * @param markets at least one, each with its own instrument id; a paper session takes exactly one.
     */
    public static Outcome run(
        final RunSettings settings, final Venue venue, final boolean paper, final List<UpbitOrderGateway.Market> markets,
        final AdminSchedule admin, final Runnable onConnected, final BooleanSupplier finished, final StopRequest stop,
        final Path inDir, final Path outDir, final PrintWriter progress, final PrintStream log, final SessionObserver observer,
        final StartUp startUp)
        throws InterruptedException
    {
        if (markets.isEmpty() || paper && markets.size() > 1)
        {
            throw new IllegalArgumentException("a session trades at least one market, a paper session one: " + markets);
        }
        final UpbitOrderGateway.Market market = markets.get(0);
        final Map<Integer, UpbitOrderGateway.Market> byInstrument = new TreeMap<>();
        markets.forEach(m -> byInstrument.put(m.instrumentId(), m));
        final long startNs;
        final long sentByGateway;
        final long reconnects;
        final EngineResult result;
        final View view;
        final List<String> codes = markets.stream().map(UpbitOrderGateway.Market::code).toList();
        try (Journal in = Journal.openForAppend(inDir, JournalKind.IN, settings.journalSync());
            Journal out = Journal.openForAppend(outDir, JournalKind.OUT, settings.journalSync());
            LivePipeline pipeline = new LivePipeline(settings.engine(), in, OutputListener.NONE))
        {
            final long floorNs = startUp.beforeStart(pipeline, in);
            pipeline.start();
            final PaperVenue paperVenue = paper
                ? new PaperVenue(pipeline.input(), market, settings.engine().commissionRate(), pipeline.orders(), out)
                : null;
            final AdminSchedule.Merged withAdmin = admin.into(paper ? paperVenue : pipeline.input());
            final LongSupplier clock = SerializedInput.systemClock();
            // A continued session's new inputs never go below its last journaled time: event time stays monotonic.
            final SerializedInput input = new SerializedInput(withAdmin, () -> Math.max(floorNs, clock.getAsLong()));
            startUp.inputReady(input);
            UpbitInstruments.define(markets, input);
            final UpbitMarketData.Config feedConfig = new UpbitMarketData.Config(
                venue.publicWebSocket(), codes, false, false, 30_000, venue.staleAfterMs(), 5_000, 500, 30_000);
            try (UpbitMyOrders myOrders = paper ? null : new UpbitMyOrders(venue.privateWebSocket(), codes, venue.auth(), input,
                    new SplittableRandom(), log);
                UpbitMarketData feed = new UpbitMarketData(feedConfig, input, new SplittableRandom(), log);
                UpbitOrderGateway gateway = paper ? null : new UpbitOrderGateway(
                    new UpbitOrderGateway.Config(venue.rest(), byInstrument, 3_000, 3, 250, 5_000,
                        60_000, 1_000, 1),
                    venue.auth(), settings.session().identifiers(), pipeline::pollOrders, input, out, new SplittableRandom(), log))
            {
                if (gateway != null)
                {
                    gateway.start();
                    // After each reconnect the orders that may have changed unheard are asked for before entries resume.
                    myOrders.gateUpNote(gateway.privateStreamGate());
                    myOrders.start();
                }
                view = new View(inDir.getParent().getFileName().toString(), settings.engine().engineId(), pipeline, feed, myOrders,
                    gateway, input);
                observer.started(view);
                if (startUp != StartUp.NONE && myOrders != null)
                {
                    // Fills that happen while reconciling must reach the engine: the private stream is up first.
                    awaitConnected(myOrders::connected);
                }
                startUp.beforeMarketData(pipeline, input);
                if (gateway != null)
                {
                    startUp.ordersStillWorking().forEach(gateway::track);
                }
                feed.start();
                awaitConnected(feed::connected);
                onConnected.run();
                startNs = System.nanoTime();
                long nextReportNs = startNs + 1_000_000_000L;
                // A journal that cannot be written stops the engine; the session ends at once and stop() says why.
                while (!finished.getAsBoolean() && !stop.requested() && pipeline.failure() == null)
                {
                    Thread.sleep(100);
                    if (System.nanoTime() >= nextReportNs)
                    {
                        nextReportNs += 1_000_000_000L;
                        progress.printf("  [%4d s] %d inputs processed, %d messages from %s%n",
                            (System.nanoTime() - startNs) / 1_000_000_000L, pipeline.processed(), feed.messages(), venue.name());
                        progress.flush();
                    }
                }
                if (stop.requested())
                {
                    stopInOrder(input, gateway, pipeline.figures(), settings.cancelRestingAtStop(), stop, settings.stopTimeoutMs(), progress);
                }
                else
                {
                    settle(pipeline, gateway);
                }
                sentByGateway = gateway != null ? gateway.ordersSent() : 0;
                reconnects = feed.reconnects() + (myOrders != null ? myOrders.reconnects() : 0);
                view.freeze();
            }
            // The clients are closed: this thread is the only publisher left.
            withAdmin.finish();
            if (paperVenue != null)
            {
                paperVenue.close();
            }
            result = pipeline.stop();
            observer.ended(result);
        }
        // A paper session's orders all went to the paper venue.
        final VenueIdentifiers identifiers = settings.session().identifiers();
        final List<String> unresolved = paper ? List.of()
            : Arrays.stream(result.ordersInFlight()).mapToObj(identifiers::identifier).toList();
        return new Outcome(result, System.nanoTime() - startNs, paper ? result.orders() : sentByGateway, reconnects,
            !stop.requested() ? "end" : stop.immediate() ? "second signal" : "signal", unresolved);
    }

    /**
     * The orderly stop: a HALT goes in as an ADMIN input at once (journaled, so a replay halts at the same point), then
     * waits until the venue has answered every order sent, {@code timeoutMs} have passed, or a second signal came. The
     * HALT carries {@code run.restingOrdersAtStop}: under cancel the engine cancels its resting limit orders, and the
     * wait lasts until they have ended too.
     */
    private static void stopInOrder(
        final SerializedInput input, final UpbitOrderGateway gateway, final EngineFigures figures, final boolean cancelResting,
        final StopRequest stop, final long timeoutMs, final PrintWriter progress) throws InterruptedException
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH + AdminCommandEncoder.BLOCK_LENGTH]);
        final AdminCommandEncoder halt = new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(input.nowNs())
            .action(AdminAction.HALT)
            .paramValue(cancelResting ? EngineContext.HALT_CANCEL_RESTING : EngineContext.HALT_KEEP_RESTING)
            .paramKey(STOP_HALT_KEY);
        input.publish(Sources.ADMIN, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + halt.encodedLength());
        final int inFlight = gateway != null ? gateway.unansweredOrders().size() : 0;
        progress.printf("  stopping: new entries halted; waiting up to %d ms for %d order(s) in flight (a second signal stops at once)%n",
            timeoutMs, inFlight);
        progress.flush();
        final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
        while (gateway != null && (!gateway.unansweredOrders().isEmpty() || (cancelResting && figures.openOrders() > 0)) &&
            !stop.immediate() && System.nanoTime() < deadlineNs)
        {
            Thread.sleep(10);
        }
    }

    private static void awaitConnected(final BooleanSupplier connected) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + CONNECT_WAIT_MS * 1_000_000L;
        while (!connected.getAsBoolean() && System.nanoTime() < deadlineNs)
        {
            Thread.sleep(10);
        }
    }

    /**
     * Lets the last orders go out and their answers arrive: returns once the engine processed nothing new and
     * the gateway sent nothing new for {@link #SETTLE_MS}.
     */
    private static void settle(final LivePipeline pipeline, final UpbitOrderGateway gateway) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + MAX_SETTLE_MS * 1_000_000L;
        long seen = -1;
        long now = activity(pipeline, gateway);
        while (seen != now && System.nanoTime() < deadlineNs)
        {
            seen = now;
            Thread.sleep(SETTLE_MS);
            now = activity(pipeline, gateway);
        }
    }

    private static long activity(final LivePipeline pipeline, final UpbitOrderGateway gateway)
    {
        return pipeline.processed() + (gateway != null ? gateway.requestsSent() : 0);
    }

    /** The session for the operations side; operator commands go through the same serialised input as the venue's. */
    private static final class View implements LiveView
    {
        private final String runId;
        private final int engineId;
        private final LivePipeline pipeline;
        private final EngineFigures figures;
        private final UpbitMarketData feed;
        private final UpbitMyOrders myOrders;
        private final UpbitOrderGateway gateway;
        private final SerializedInput input;
        private boolean closed;
        private long finalOrdersSent = -1;
        private long finalReconnects;

        View(final String runId, final int engineId, final LivePipeline pipeline, final UpbitMarketData feed,
            final UpbitMyOrders myOrders, final UpbitOrderGateway gateway, final SerializedInput input)
        {
            this.runId = runId;
            this.engineId = engineId;
            this.pipeline = pipeline;
            this.figures = pipeline.figures();
            this.feed = feed;
            this.myOrders = myOrders;
            this.gateway = gateway;
            this.input = input;
        }

        @Override
        public String runId()
        {
            return runId;
        }

        @Override
        public int engineId()
        {
            return engineId;
        }

        @Override
        public EngineFigures figures()
        {
            return figures;
        }

        @Override
        public long ringRemainingCapacity()
        {
            return pipeline.ringRemainingCapacity();
        }

        @Override
        public boolean engineFailed()
        {
            return pipeline.failed();
        }

        @Override
        public boolean marketDataConnected()
        {
            synchronized (input)
            {
                return !closed && feed.connected();
            }
        }

        @Override
        public boolean hasPrivateStream()
        {
            return myOrders != null;
        }

        @Override
        public boolean privateStreamConnected()
        {
            synchronized (input)
            {
                return !closed && myOrders != null && myOrders.connected();
            }
        }

        @Override
        public long ordersSent()
        {
            synchronized (input)
            {
                if (finalOrdersSent >= 0)
                {
                    return finalOrdersSent;
                }
                return gateway != null ? gateway.ordersSent() : figures.orders();
            }
        }

        @Override
        public long reconnects()
        {
            synchronized (input)
            {
                return closed ? finalReconnects : feed.reconnects() + (myOrders != null ? myOrders.reconnects() : 0);
            }
        }

        @Override
        public void admin(final DirectBuffer buffer, final int offset, final int length)
        {
            synchronized (input)
            {
                if (closed)
                {
                    throw new IllegalStateException("the session is ending: no more operator commands");
                }
                input.publish(Sources.ADMIN, EntryHeader.FORMAT_SBE, buffer, offset, length);
            }
        }

        /** Called before the clients close: the figures that read them are frozen, and operator commands are refused. */
        void freeze()
        {
            synchronized (input)
            {
                finalOrdersSent = gateway != null ? gateway.ordersSent() : -1;
                finalReconnects = feed.reconnects() + (myOrders != null ? myOrders.reconnects() : 0);
                closed = true;
            }
        }
    }
}
