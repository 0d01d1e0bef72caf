package io.qts.engine;

import io.qts.engine.pipeline.Counters;
import io.qts.engine.pipeline.OutputRecorder;
import io.qts.engine.pipeline.StateChanges;
import io.qts.engine.risk.AtrStop;
import io.qts.engine.risk.AverageTrueRange;
import io.qts.engine.risk.CircuitBreaker;
import io.qts.engine.risk.EntrySizing;
import io.qts.engine.risk.LossLimits;
import io.qts.engine.risk.OrderRateLimit;
import io.qts.engine.risk.PriceBand;
import io.qts.engine.risk.RiskLimits;
import io.qts.journal.sbe.EngineStateChangedDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.StateChangeReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each risk check class on numbers worked out by hand. Fractions and money at 10^-8. */
class RiskChecksTest
{
    private static final long E8 = 100_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void fixedNotionalAndEquityFractionRoundDownToTheQuantityScale()
    {
        final EntrySizing notional = new EntrySizing(EntrySizing.FIXED_NOTIONAL, 1000 * E8);
        // 1000 / 15.00 = 66.67: 66 whole units, 66.66 at two decimals.
        assertEquals(66, notional.entryQty(5, 1500, 2, 0, 0));
        assertEquals(6666, notional.entryQty(5, 1500, 2, 2, 0));
        // 10% of 10000 equity is the same 1000.
        assertEquals(66, new EntrySizing(EntrySizing.EQUITY_FRACTION, E8 / 10).entryQty(5, 1500, 2, 0, 10_000 * E8));
        // Not one unit fits: 10 / 15.00.
        assertEquals(0, new EntrySizing(EntrySizing.FIXED_NOTIONAL, 10 * E8).entryQty(5, 1500, 2, 0, 0));
        // Fixed quantity keeps what the signal proposed.
        assertEquals(5, new EntrySizing(EntrySizing.FIXED_QTY, 0).entryQty(5, 1500, 2, 0, 0));
    }

    @Test
    void priceBandComparesWithThePriceBeforeTheEvent()
    {
        final PriceBand band = new PriceBand();
        assertTrue(band.allows(1, 99_999, E8 / 20), "no reference yet");
        band.onMarketPrice(1, 10_000);
        // 5% of 100.00 is 5.00: 105.00 and 95.00 pass, 105.01 and 94.99 do not.
        assertTrue(band.allows(1, 10_500, E8 / 20));
        assertTrue(band.allows(1, 9_500, E8 / 20));
        assertFalse(band.allows(1, 10_501, E8 / 20));
        assertFalse(band.allows(1, 9_499, E8 / 20));
        assertTrue(band.allows(1, 20_000, EngineContext.UNLIMITED));
    }

    @Test
    void orderRateIsASlidingSecondOfEventTime()
    {
        final OrderRateLimit twoPerSecond = new OrderRateLimit(2);
        assertTrue(twoPerSecond.allows(0));
        twoPerSecond.onSent(0);
        twoPerSecond.onSent(SECOND / 2);
        assertFalse(twoPerSecond.allows(SECOND - 1), "two orders in (0, 1s)");
        assertTrue(twoPerSecond.allows(SECOND), "the order at 0 is a second old");
        twoPerSecond.onSent(SECOND);
        assertFalse(twoPerSecond.allows(SECOND + SECOND / 2 - 1));
        assertTrue(twoPerSecond.allows(SECOND + SECOND / 2));
        assertTrue(new OrderRateLimit(0).allows(0), "0 is no limit");
    }

    @Test
    void averageTrueRangeUsesWilderSmoothingInIntegers()
    {
        final AverageTrueRange atr = new AverageTrueRange(3);
        atr.onBar(1, 110, 100, 105);  // TR 10 (no previous close)
        atr.onBar(1, 115, 104, 112);  // TR max(11, |115-105|, |104-105|) = 11
        assertFalse(atr.ready(1));
        atr.onBar(1, 113, 108, 109);  // TR max(5, 1, 4) = 5; ATR = 26 / 3 = 8.66667 -> 8.6667
        assertTrue(atr.ready(1));
        assertEquals(86_667, atr.atrExtra(1));
        atr.onBar(1, 120, 109, 118);  // TR 11; ATR = (8.6667 * 2 + 11) / 3 = 9.44447 -> 9.4445
        assertEquals(94_445, atr.atrExtra(1));
        // 2 ATR = 18.889 -> 19 at the price scale.
        assertEquals(19, atr.atrs(1, 2 * E8));
        // ATR / price = 9.4445 / 118 = 0.080038: above 8%, not above 8.01%.
        assertTrue(atr.aboveFraction(1, 118, 8 * E8 / 100));
        assertFalse(atr.aboveFraction(1, 118, 801 * E8 / 10_000));
    }

    @Test
    void initialStopIsEntryMinusMultipleTimesAtrAndStaysThere()
    {
        final AverageTrueRange atr = new AverageTrueRange(1);
        final AtrStop stop = new AtrStop(AtrStop.INITIAL);
        atr.onBar(1, 105, 100, 100);       // ATR 5
        stop.onEntryFill(1, 100, 1);
        assertFalse(stop.crossed(1, 95, 120, atr, 2 * E8), "no stop before the first event after entry");
        assertEquals(90, stop.stop(1), "100 - 2 x 5");
        assertFalse(stop.crossed(1, 91, 130, atr, 2 * E8), "a new high does not move an initial stop");
        assertTrue(stop.crossed(1, 90, 95, atr, 2 * E8));
        stop.onFlat(1);
        assertFalse(stop.crossed(1, 1, 1, atr, 2 * E8));
    }

    @Test
    void trailingStopFollowsTheHighestPriceSinceEntryUpOnly()
    {
        final AverageTrueRange atr = new AverageTrueRange(1);
        final AtrStop stop = new AtrStop(AtrStop.TRAILING);
        atr.onBar(1, 105, 100, 100);       // ATR 5
        stop.onEntryFill(1, 100, 1);
        assertFalse(stop.crossed(1, 99, 120, atr, 2 * E8));
        assertEquals(110, stop.stop(1), "highest 120 - 2 x 5");
        assertFalse(stop.crossed(1, 111, 115, atr, 2 * E8));
        assertEquals(110, stop.stop(1), "a lower high does not lower it");
        assertTrue(stop.crossed(1, 110, 112, atr, 2 * E8));
    }

    @Test
    void dailyLossFromTheDaysFirstEquityAndDrawdownFromThePeak()
    {
        final EngineContext context = new EngineContext().dailyLossLimit(50 * E8).maxDrawdown(E8 / 10);
        final RiskLimits limits = new RiskLimits(context);
        final LossLimits loss = new LossLimits();
        final long day = LossLimits.DAY_NS;
        assertNull(loss.breach(0, 1000 * E8, limits));
        assertNull(loss.breach(1, 950 * E8, limits), "a loss of exactly 50 is within the limit");
        assertEquals(StateChangeReason.DAILY_LOSS, loss.breach(2, 950 * E8 - 1, limits));
        assertNull(loss.breach(day, 920 * E8, limits), "a new UTC day starts from 920");
        assertNull(loss.breach(day + 1, 900 * E8, limits), "10% below the peak of 1000 is within the limit");
        assertEquals(StateChangeReason.DRAWDOWN, loss.breach(day + 2, 900 * E8 - 1, limits));
    }

    @Test
    void breakerOpensAfterFailuresInARowHalfOpensAfterTheCoolDownAndClosesOnAProbe()
    {
        final List<String> changes = new ArrayList<>();
        final CircuitBreaker breaker = new CircuitBreaker(2, 10 * SECOND, 30 * SECOND, 5 * SECOND, recorder(changes));

        breaker.onSent(1, 0);
        breaker.onReject(1, SECOND);
        breaker.onSent(2, 2 * SECOND);
        breaker.onSuccess(2, 2 * SECOND);          // a success ends the run of failures
        breaker.onSent(3, 3 * SECOND);
        breaker.onReject(3, 3 * SECOND);
        assertTrue(breaker.allowsOrder());
        breaker.onSent(4, 4 * SECOND);
        breaker.onTime(9 * SECOND);                  // 5 s after sending: not yet timed out
        assertTrue(breaker.allowsOrder());
        breaker.onTime(9 * SECOND + 1);              // timed out: second failure in a row, within 10 s
        assertFalse(breaker.allowsOrder());
        breaker.onTime(39 * SECOND);
        assertFalse(breaker.allowsOrder(), "cool-down ends 30 s after opening");
        breaker.onTime(39 * SECOND + 1);
        assertTrue(breaker.allowsOrder(), "half open: one probe");
        breaker.onSent(5, 40 * SECOND);
        assertFalse(breaker.allowsOrder(), "only one probe");
        breaker.onReject(5, 40 * SECOND);
        assertFalse(breaker.allowsOrder());
        breaker.onTime(70 * SECOND);
        breaker.onSent(6, 70 * SECOND);
        breaker.onSuccess(6, 70 * SECOND);
        assertTrue(breaker.allowsOrder());
        assertEquals(List.of(
            "BREAKER_OPEN VENUE_FAILURES 9000000001",
            "BREAKER_HALF_OPEN COOL_DOWN_ELAPSED 39000000001",
            "BREAKER_OPEN PROBE_FAILED 40000000000",
            "BREAKER_HALF_OPEN COOL_DOWN_ELAPSED 70000000000",
            "BREAKER_CLOSED PROBE_SUCCEEDED 70000000000"), changes);
    }

    @Test
    void aCancelledProbeOpensTheBreakerAgainInsteadOfHoldingItHalfOpen()
    {
        final List<String> changes = new ArrayList<>();
        final CircuitBreaker breaker = new CircuitBreaker(1, 10 * SECOND, 30 * SECOND, EngineContext.UNLIMITED, recorder(changes));
        breaker.onSent(1, 0);
        breaker.onReject(1, SECOND);
        breaker.onTime(31 * SECOND);
        breaker.onSent(2, 31 * SECOND);
        breaker.onCancel(2, 32 * SECOND);
        assertFalse(breaker.allowsOrder(), "open again, not half open for ever");
        breaker.onTime(62 * SECOND);
        assertTrue(breaker.allowsOrder(), "a new probe after the next cool-down");
        assertEquals(List.of(
            "BREAKER_OPEN VENUE_FAILURES 1000000000",
            "BREAKER_HALF_OPEN COOL_DOWN_ELAPSED 31000000000",
            "BREAKER_OPEN PROBE_FAILED 32000000000",
            "BREAKER_HALF_OPEN COOL_DOWN_ELAPSED 62000000000"), changes);
    }

    @Test
    void anOperatorResetClosesAnOpenOrHalfOpenBreakerAtOnceAndLeavesAClosedOneAlone()
    {
        final List<String> changes = new ArrayList<>();
        final CircuitBreaker breaker = new CircuitBreaker(1, 10 * SECOND, 30 * SECOND, EngineContext.UNLIMITED, recorder(changes));
        breaker.reset(0);
        breaker.onSent(1, 0);
        breaker.onReject(1, SECOND);
        assertFalse(breaker.allowsOrder());
        breaker.reset(2 * SECOND);
        assertTrue(breaker.allowsOrder(), "closed by the operator, before the cool-down");
        breaker.onSent(2, 3 * SECOND);
        breaker.onReject(2, 3 * SECOND);
        breaker.onTime(33 * SECOND);
        breaker.onSent(3, 33 * SECOND);
        assertFalse(breaker.allowsOrder(), "half open, its probe in flight");
        breaker.reset(34 * SECOND);
        assertTrue(breaker.allowsOrder(), "closed: orders flow without waiting for the probe");
        assertEquals(List.of(
            "BREAKER_OPEN VENUE_FAILURES 1000000000",
            "BREAKER_CLOSED ADMIN_RESET_BREAKER 2000000000",
            "BREAKER_OPEN VENUE_FAILURES 3000000000",
            "BREAKER_HALF_OPEN COOL_DOWN_ELAPSED 33000000000",
            "BREAKER_CLOSED ADMIN_RESET_BREAKER 34000000000"), changes);
    }

    @Test
    void aVenueBanOpensTheBreakerEvenWithFailureCountingOff()
    {
        final List<String> changes = new ArrayList<>();
        final CircuitBreaker breaker = new CircuitBreaker(0, 10 * SECOND, 30 * SECOND, EngineContext.UNLIMITED, recorder(changes));
        breaker.onSent(1, 0);
        breaker.onReject(1, SECOND);
        assertTrue(breaker.allowsOrder(), "rejects are not counted with failuresToOpen 0");
        breaker.trip(2 * SECOND, 62 * SECOND);
        assertFalse(breaker.allowsOrder());
        breaker.onTime(61 * SECOND);
        assertFalse(breaker.allowsOrder(), "not before the ban has ended");
        breaker.onTime(62 * SECOND);
        assertTrue(breaker.allowsOrder(), "half open when the ban ends (later than the cool-down)");
        breaker.onSent(2, 62 * SECOND);
        breaker.onSuccess(2, 63 * SECOND);
        assertEquals(List.of(
            "BREAKER_OPEN VENUE_FAILURES 2000000000",
            "BREAKER_HALF_OPEN COOL_DOWN_ELAPSED 62000000000",
            "BREAKER_CLOSED PROBE_SUCCEEDED 63000000000"), changes);
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotOpenTheBreaker()
    {
        final List<String> changes = new ArrayList<>();
        final CircuitBreaker breaker = new CircuitBreaker(2, 10 * SECOND, 30 * SECOND, EngineContext.UNLIMITED, recorder(changes));
        breaker.onSent(1, 0);
        breaker.onReject(1, 0);
        breaker.onSent(2, 11 * SECOND);
        breaker.onReject(2, 11 * SECOND);
        assertTrue(breaker.allowsOrder());
        breaker.onSent(3, 12 * SECOND);
        breaker.onReject(3, 12 * SECOND);
        assertFalse(breaker.allowsOrder());
        assertEquals(List.of("BREAKER_OPEN VENUE_FAILURES 12000000000"), changes);
        breaker.onReject(99, 13 * SECOND);
        assertEquals(1, changes.size(), "an answer about an order not awaited changes nothing");
    }

    static StateChanges recorder(final List<String> lines)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final EngineStateChangedDecoder decoder = new EngineStateChangedDecoder();
        return new StateChanges(new OutputRecorder((buffer, offset, length) ->
        {
            decoder.wrapAndApplyHeader(buffer, offset, header.wrap(buffer, offset));
            lines.add(decoder.state() + " " + decoder.reason() + " " + decoder.timeNs());
        }), new Counters());
    }
}
