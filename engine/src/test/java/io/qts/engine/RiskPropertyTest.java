package io.qts.engine;

import io.qts.engine.book.Sides;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.EngineState;
import io.qts.journal.sbe.EngineStateChangedDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAcceptedEncoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.OrderRejectedEncoder;
import io.qts.journal.sbe.RejectReason;
import io.qts.journal.sbe.Side;
import io.qts.journal.sbe.StateChangeReason;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random event streams (seeded, so a failure names a seed that reproduces it) through the engine, with the
 * venue played by the test: random prices, accepts, fills, rejects and silence (time-outs), admin halt,
 * resume and kill, a daily halt window, a breaker that trips. For every order the engine sends, checked
 * against what the test itself knows at that moment:
 * <ul>
 * <li>no order at all inside the halt window 06:00-09:00 UTC (the test's own clock arithmetic);</li>
 * <li>no order at all while the breaker is OPEN, and at most one while it is HALF_OPEN (from the
 *     EngineStateChanged records);</li>
 * <li>no buy while HALTED (from the records, and the test knows every HALT and KILL it sent);</li>
 * <li>a buy never takes the position above the limit; a sell is of the whole position, and never while
 *     another order is in flight;</li>
 * </ul>
 * and after every fill the position is between 0 and the limit; after a KILL the engine is HALTED.
 */
class RiskPropertyTest
{
    private static final long E8 = 100_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MAX_POSITION = 20;
    private static final int EVENTS = 4000;

    @Test
    void randomStreamsNeverBreakTheRiskRules()
    {
        long orders = 0;
        long breakerTrips = 0;
        long windowRejects = 0;
        for (long seed = 1; seed <= 40; seed++)
        {
            final Run run = new Run(seed);
            orders += run.play();
            breakerTrips += run.breakerTrips;
            windowRejects += run.windowRejects;
        }
        assertTrue(orders > 2000, "the streams must make the engine trade: " + orders);
        assertTrue(breakerTrips > 20, "the streams must trip the breaker: " + breakerTrips);
        assertTrue(windowRejects > 20, "the streams must meet the halt window: " + windowRejects);
    }

    private static final class Run
    {
        private final long seed;
        private final SplittableRandom random;
        private final InlineEngine engine;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        private final MessageHeaderEncoder header = new MessageHeaderEncoder();
        private final OrderAcceptedEncoder accepted = new OrderAcceptedEncoder();
        private final OrderRejectedEncoder rejected = new OrderRejectedEncoder();
        private final OrderFilledEncoder filled = new OrderFilledEncoder();
        private final MessageHeaderDecoder headerIn = new MessageHeaderDecoder();
        private final OrderCommandDecoder command = new OrderCommandDecoder();
        private final EngineStateChangedDecoder stateChanged = new EngineStateChangedDecoder();
        private final OrderRejectedDecoder rejectedIn = new OrderRejectedDecoder();
        private final TestEvents events;
        private final List<long[]> inFlight = new ArrayList<>();
        private long timeNs;
        private long price = 10_000;
        private long position;
        private boolean halted;
        private EngineState breaker = EngineState.BREAKER_CLOSED;
        private int ordersWhileHalfOpen;
        private long orders;
        private long breakerTrips;
        private long windowRejects;

        Run(final long seed)
        {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            final EngineContext context = new EngineContext()
                .symbol("TEST")
                .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
                .orderQty(E8)
                .initialCash(100_000 * E8)
                .sizing("fixed-notional").orderNotional((200 + random.nextInt(800)) * E8)
                .maxPositionQty(MAX_POSITION * E8)
                .dailyLossLimit(random.nextBoolean() ? 300 * E8 : EngineContext.UNLIMITED)
                .breakerFailures(2).breakerWindowMs(120_000).breakerCoolDownMs(300_000).orderTimeoutMs(60_000)
                .haltWindows("06:00-09:00")
                .conclude();
            engine = new InlineEngine(context, null, (b, o, l) -> true, this::onOutput);
            events = new TestEvents(engine);
            events.instrument("TEST", 2, 0);
        }

        long play()
        {
            for (int i = 0; i < EVENTS; i++)
            {
                timeNs += random.nextLong(90 * SECOND);
                final int dice = random.nextInt(100);
                if (dice < 60 || inFlight.isEmpty() && dice < 92)
                {
                    price = Math.max(100, price + random.nextLong(-800, 801));
                    events.trade(timeNs, price, 1);
                }
                else if (dice < 92)
                {
                    answer(inFlight.get(0), random.nextInt(10));
                }
                else if (dice < 95)
                {
                    events.admin(timeNs, AdminAction.HALT, "", 0);
                    assertTrue(halted, message("HALT halts"));
                }
                else if (dice < 99)
                {
                    events.admin(timeNs, AdminAction.RESUME, "", 0);
                }
                else
                {
                    events.admin(timeNs, AdminAction.KILL, "", 0);
                    assertTrue(halted, message("KILL halts"));
                }
            }
            engine.close();
            return orders;
        }

        /** 0-5 accept and fill, 6-8 reject, 9 not yet: if the venue is silent long enough, the order times out. */
        private void answer(final long[] order, final int choice)
        {
            final long id = order[0];
            if (choice == 9)
            {
                return;
            }
            inFlight.remove(0);
            if (choice <= 5)
            {
                accepted.wrapAndApplyHeader(buffer, 0, header).timeNs(timeNs).clientOrderId(id).venueOrderId(id).instrumentId(TestEvents.INSTRUMENT);
                venue(accepted.encodedLength());
                filled.wrapAndApplyHeader(buffer, 0, header).timeNs(timeNs).clientOrderId(id).instrumentId(TestEvents.INSTRUMENT)
                    .side(order[1] == Sides.BUY ? Side.BUY : Side.SELL).price(price).qty(order[2]).leavesQty(0).commission(0);
                position += order[1] == Sides.BUY ? order[2] : -order[2];
                venue(filled.encodedLength());
                assertTrue(position >= 0 && position <= MAX_POSITION, message("position " + position + " within 0.." + MAX_POSITION));
            }
            else if (choice <= 8)
            {
                rejected.wrapAndApplyHeader(buffer, 0, header).timeNs(timeNs).clientOrderId(id).instrumentId(TestEvents.INSTRUMENT)
                    .reason(RejectReason.VENUE_REJECTED).side(Side.BUY).price(0).qty(0);
                venue(rejected.encodedLength());
            }
        }

        private void venue(final int bodyLength)
        {
            engine.accept(timeNs, Sources.VENUE, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
        }

        private void onOutput(final DirectBuffer out, final int offset, final int length)
        {
            headerIn.wrap(out, offset);
            if (headerIn.templateId() == EngineStateChangedDecoder.TEMPLATE_ID)
            {
                stateChanged.wrapAndApplyHeader(out, offset, headerIn);
                if (stateChanged.state() == EngineState.HALTED || stateChanged.state() == EngineState.ACTIVE)
                {
                    halted = stateChanged.state() == EngineState.HALTED;
                }
                else
                {
                    breaker = stateChanged.state();
                    ordersWhileHalfOpen = 0;
                    breakerTrips += breaker == EngineState.BREAKER_OPEN ? 1 : 0;
                }
                assertFalse(stateChanged.reason() == StateChangeReason.NULL_VAL, message("a reason"));
            }
            else if (headerIn.templateId() == OrderRejectedDecoder.TEMPLATE_ID)
            {
                windowRejects += rejectedIn.wrapAndApplyHeader(out, offset, headerIn).reason() == RejectReason.HALT_WINDOW ? 1 : 0;
            }
            else if (headerIn.templateId() == OrderCommandDecoder.TEMPLATE_ID)
            {
                command.wrapAndApplyHeader(out, offset, headerIn);
                onOrder(command.timeNs(), command.clientOrderId(), command.side() == Side.BUY ? Sides.BUY : Sides.SELL, command.qty());
            }
        }

        private void onOrder(final long orderTimeNs, final long id, final int side, final long qty)
        {
            orders++;
            final long minuteOfDay = Math.floorMod(orderTimeNs, TestEvents.DAY_NS) / (60 * SECOND);
            assertFalse(minuteOfDay >= 6 * 60 && minuteOfDay < 9 * 60, message("an order inside the halt window"));
            assertFalse(breaker == EngineState.BREAKER_OPEN, message("an order while the breaker is open"));
            if (breaker == EngineState.BREAKER_HALF_OPEN)
            {
                assertEquals(0, ordersWhileHalfOpen++, message("one probe while half open"));
            }
            assertTrue(inFlight.isEmpty(), message("one order at a time"));
            if (side == Sides.BUY)
            {
                assertFalse(halted, message("a buy while halted"));
                assertTrue(position + qty <= MAX_POSITION, message("a buy of " + qty + " on " + position));
            }
            else
            {
                assertEquals(position, qty, message("a sell of the whole position"));
                assertTrue(qty > 0, message("a sell of something"));
            }
            inFlight.add(new long[] {id, side, qty});
        }

        private String message(final String what)
        {
            return "seed " + seed + " at " + timeNs + ": " + what;
        }
    }
}
