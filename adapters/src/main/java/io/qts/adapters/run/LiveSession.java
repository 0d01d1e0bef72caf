package io.qts.adapters.run;

import io.qts.adapters.upbit.SerializedInput;
import io.qts.adapters.upbit.UpbitAuth;
import io.qts.adapters.upbit.UpbitInstruments;
import io.qts.adapters.upbit.UpbitMarketData;
import io.qts.adapters.upbit.UpbitMyOrders;
import io.qts.adapters.upbit.UpbitOrderGateway;
import io.qts.engine.EngineResult;
import io.qts.engine.LivePipeline;
import io.qts.engine.OutputListener;
import io.qts.journal.Journal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
    }

    /** Result of one session; the wall-clock time is for events/s only. */
    public record Outcome(EngineResult result, long elapsedNs, long ordersSent, long reconnects)
    {
    }

    /**
     * @param admin    operator commands put into the inputs at their times, journaled like every input.
     * @param onConnected run once the market-data stream is connected (the simulator starts playing then).
     * @param finished polled every 100 ms: true once the session should end (the simulator's tape played,
     *                 the configured duration reached, or Ctrl-C).
     */
    public static Outcome run(
        final RunSettings settings, final Venue venue, final boolean paper, final UpbitOrderGateway.Market market,
        final AdminSchedule admin, final Runnable onConnected, final BooleanSupplier finished, final Path inDir, final Path outDir,
        final PrintWriter progress, final PrintStream log)
        throws InterruptedException
    {
        return run(settings, venue, paper, market, admin, onConnected, finished, inDir, outDir, progress, log, StartUp.NONE);
    }

    /** {@link #run} with a {@link StartUp}: recovery and reconciliation for a session on a venue account. */
    public static Outcome run(
        final RunSettings settings, final Venue venue, final boolean paper, final UpbitOrderGateway.Market market,
        final AdminSchedule admin, final Runnable onConnected, final BooleanSupplier finished, final Path inDir, final Path outDir,
        final PrintWriter progress, final PrintStream log, final StartUp startUp)
        throws InterruptedException
    {
        final long startNs;
        final long sentByGateway;
        final long reconnects;
        final EngineResult result;
        final List<String> codes = List.of(market.code());
        try (Journal in = Journal.openForAppend(inDir);
            Journal out = Journal.openForAppend(outDir);
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
            UpbitInstruments.define(List.of(market), input);
            final UpbitMarketData.Config feedConfig = new UpbitMarketData.Config(
                venue.publicWebSocket(), codes, false, false, 30_000, venue.staleAfterMs(), 5_000, 500, 30_000);
            try (UpbitMyOrders myOrders = paper ? null : new UpbitMyOrders(venue.privateWebSocket(), codes, venue.auth(), input,
                    new SplittableRandom(), log);
                UpbitMarketData feed = new UpbitMarketData(feedConfig, input, new SplittableRandom(), log);
                UpbitOrderGateway gateway = paper ? null : new UpbitOrderGateway(
                    new UpbitOrderGateway.Config(venue.rest(), Map.of(market.instrumentId(), market), 3_000, 3, 250, 5_000,
                        60_000, 1_000, 1),
                    venue.auth(), pipeline::pollOrders, input, out, new SplittableRandom(), log))
            {
                if (myOrders != null)
                {
                    myOrders.start();
                }
                if (gateway != null)
                {
                    gateway.start();
                }
                if (startUp != StartUp.NONE && myOrders != null)
                {
                    // Fills that happen while reconciling must reach the engine: the private stream is up first.
                    awaitConnected(myOrders::connected);
                }
                startUp.beforeMarketData(pipeline, input);
                feed.start();
                awaitConnected(feed::connected);
                onConnected.run();
                startNs = System.nanoTime();
                long nextReportNs = startNs + 1_000_000_000L;
                while (!finished.getAsBoolean())
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
                settle(pipeline, gateway);
                sentByGateway = gateway != null ? gateway.ordersSent() : 0;
                reconnects = feed.reconnects() + (myOrders != null ? myOrders.reconnects() : 0);
            }
            // The clients are closed: this thread is the only publisher left.
            withAdmin.finish();
            if (paperVenue != null)
            {
                paperVenue.close();
            }
            result = pipeline.stop();
        }
        // A paper session's orders all went to the paper venue.
        return new Outcome(result, System.nanoTime() - startNs, paper ? result.orders() : sentByGateway, reconnects);
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
}
