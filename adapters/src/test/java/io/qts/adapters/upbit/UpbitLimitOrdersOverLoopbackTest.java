package io.qts.adapters.upbit;

import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimTrade;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.LivePipeline;
import io.qts.engine.OutputListener;
import io.qts.engine.Strategies;
import io.qts.engine.strategy.OrderStatus;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.sbe.RejectReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.qts.adapters.upbit.LoopbackVenue.ACCESS_KEY;
import static io.qts.adapters.upbit.LoopbackVenue.BTC;
import static io.qts.adapters.upbit.LoopbackVenue.IDS;
import static io.qts.adapters.upbit.LoopbackVenue.KRW;
import static io.qts.adapters.upbit.LoopbackVenue.LONG_GRACE_MS;
import static io.qts.adapters.upbit.LoopbackVenue.gateway;
import static io.qts.adapters.upbit.LoopbackVenue.myOrders;
import static io.qts.adapters.upbit.LoopbackVenue.simulator;
import static io.qts.adapters.upbit.LoopbackVenue.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Limit orders from a strategy through the engine, the Upbit gateway and the private stream, against the exchange
 * simulator over loopback sockets: a price off Upbit's grid is refused by risk and never reaches the simulator; a
 * bid rests, fills in part on a trade smaller than it, is replaced (cancel, then a new order under the identifier of
 * the deciding input) and the replacement is cancelled; the engine ends with the simulator's position and cash.
 */
class UpbitLimitOrdersOverLoopbackTest
{
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    /** On the n-th trade the engine sees: an off-grid bid, a bid on the grid, a replace, a cancel. */
    public static final class Scripted implements StrategyFactory
    {
        @Override
        public String name()
        {
            return "limit-loopback";
        }

        @Override
        public String description()
        {
            return "limit orders for the loopback test";
        }

        @Override
        public List<StrategyParameter> parameters()
        {
            return List.of();
        }

        @Override
        public Strategy create(final StrategyParams params, final StrategyContext c)
        {
            return new Strategy()
            {
                private int trades;

                @Override
                public void onTrade(final long timeNs, final long price, final long qty)
                {
                    switch (trades++)
                    {
                        case 0:
                            SEEN.add("tick " + c.tickSize() + ", bid 0.01 at 96,000,500 " + c.buyLimit(1_000_000, 96_000_500, StrategyContext.GTC));
                            break;
                        case 1:
                            SEEN.add("bid 0.01 at 96,000,000 " + c.buyLimit(1_000_000, c.roundPriceDown(96_000_500), StrategyContext.GTC));
                            break;
                        case 2:
                            SEEN.add("position " + c.position() + ", replace by 0.006 at 95,950,000 " + c.replace(600_000, 95_950_000));
                            break;
                        case 3:
                            SEEN.add("cancel " + c.cancel());
                            break;
                        default:
                            SEEN.add("position " + c.position() + ", open orders " + c.openOrders());
                    }
                }

                @Override
                public void onFill(final long timeNs, final int side, final long price, final long qty, final long leavesQty)
                {
                    SEEN.add("fill " + qty + " at " + price + ", leaves " + leavesQty);
                }

                @Override
                public void onOrderUpdate(final long timeNs, final int side, final int status)
                {
                    SEEN.add(status == OrderStatus.ACCEPTED ? "accepted" : status == OrderStatus.CANCELLED ? "cancelled" : "status " + status);
                }
            };
        }
    }

    @TempDir
    Path dir;

    @AfterEach
    void loadNone()
    {
        Strategies.useLoaded(List.of(), "");
        SEEN.clear();
    }

    @Test
    void aBidRestsFillsInPartIsReplacedAndCancelledAndAnOffGridPriceNeverLeaves() throws Exception
    {
        // The simulator plays 0.004 BTC at 95,990,000 KRW: under the resting bid of 96,000,000, for less than its 0.01.
        final List<SimTrade> tape = List.of(
            new SimTrade(1_700_000_000_000L, new BigDecimal("95990000"), new BigDecimal("0.004"), "ASK", 1));
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        final List<String> simLog = new CopyOnWriteArrayList<>();
        Strategies.useLoaded(List.of(new Scripted()), "the test");
        final EngineContext context = new EngineContext()
            .symbol("KRW-BTC")
            .strategy("limit-loopback", Map.of())
            .orderQty(1_000_000L)
            .initialCash(10_000_000 * KRW)
            .commissionRate(0)
            .priceTicks(UpbitTickSize.priceTicks("KRW-BTC"))
            .ringSize(1024)
            .multiProducer(true)
            .inputDecoder(EntryHeader.FORMAT_JSON, new UpbitDecoder(IDS))
            .conclude();
        final EngineResult result;
        final Map<String, BigDecimal> venue;
        final long creates;
        try (ExchangeSimulator sim = simulator(tape, BigDecimal.ZERO, simLog::add);
            Journal in = Journal.openForAppend(dir.resolve("in"));
            LivePipeline pipeline = new LivePipeline(context, in, OutputListener.NONE))
        {
            final int port = sim.start(0);
            pipeline.start();
            final SerializedInput input = new SerializedInput(pipeline.input(), SerializedInput.systemClock());
            UpbitInstruments.define(List.of(BTC), input);
            try (UpbitMyOrders myOrders = myOrders(port, input, log);
                UpbitOrderGateway gateway = gateway(port, pipeline, input, log, 2_000, LONG_GRACE_MS))
            {
                myOrders.start();
                Recorded.await(() -> simLog.stream().anyMatch((line) -> line.startsWith("private subscription")), 5_000,
                    "the private subscription");
                gateway.start();
                trade(input, 96_010_000);
                Recorded.await(() -> pipeline.figures().rejects(RejectReason.OFF_TICK) == 1, 5_000, "the off-grid bid refused");
                trade(input, 96_010_000);
                Recorded.await(() -> SEEN.contains("accepted"), 5_000, "the bid accepted\n" + logBytes);
                sim.step(1);
                Recorded.await(() -> SEEN.stream().anyMatch((s) -> s.startsWith("fill ")), 5_000, "the partial fill\n" + logBytes);
                trade(input, 96_005_000);
                Recorded.await(() -> SEEN.stream().filter("accepted"::equals).count() == 2, 5_000, "the replacement accepted\n" + logBytes);
                trade(input, 96_005_000);
                Recorded.await(() -> SEEN.contains("cancelled"), 5_000, "the replacement cancelled\n" + logBytes);
                trade(input, 96_005_000);
                Recorded.await(() -> SEEN.size() == 9, 5_000, "the last read\n" + SEEN);
                creates = gateway.ordersSent();
                venue = sim.balances(ACCESS_KEY);
            }
            result = pipeline.stop();
        }
        assertEquals(List.of(
            "tick 1000, bid 0.01 at 96,000,500 true",
            "bid 0.01 at 96,000,000 true",
            "accepted",
            "fill 400000 at 95990000, leaves 600000",
            "position 400000, replace by 0.006 at 95,950,000 true",
            "accepted",
            "cancel true",
            "cancelled",
            "position 400000, open orders 0"), SEEN);
        assertEquals(2, creates, "the bid and its replacement: the off-grid bid never left the engine\n" + logBytes);
        assertEquals(1, result.rejectedOrders(), "the off-grid bid, by risk");
        assertEquals(0, result.ordersInFlight().length);
        assertEquals(400_000, result.position(), "0.004 BTC");
        assertEquals(venue.get("BTC").movePointRight(8).longValueExact(), result.position(), "the venue's position: " + venue);
        assertEquals(venue.get("KRW").movePointRight(8).longValueExact(), result.finalCash(), "the venue's cash: " + venue);
        assertEquals((10_000_000 - 383_960) * KRW, result.finalCash(), "0.004 x 95,990,000 = 383,960 KRW, no fee");
    }
}
