package io.qts.adapters.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metrics never fail and never print nonsense: over random equity curves (any length, equal times, tiny and
 * huge spans, zero and negative equity, flat stretches), every metric is a finite decimal or null, a null
 * ratio has its reason stated, a stated reason belongs to a null ratio, CAGR exists only over 30 days or more and
 * Sharpe and Sortino over a day or more.
 */
class MetricsPropertyTest
{
    private static final long UNIT = 100_000_000L;
    private static final List<String> RATIOS =
        List.of("totalReturn", "cagr", "maxDrawdown", "sharpe", "sortino", "winRate", "profitFactor", "exposure");

    @Test
    void everyValueIsFiniteOrNullWithItsReason()
    {
        final Random random = new Random(20261129L);
        for (int run = 0; run < 2_000; run++)
        {
            final long initialCash = (1 + random.nextInt(1_000_000)) * UNIT;
            final EquityCurve curve = randomCurve(random, initialCash);
            final Metrics metrics = Metrics.of(curve, randomTrades(random), initialCash, Map.of());
            final ObjectNode json = metrics.toJson();
            final String where = "run " + run + " (" + curve.size() + " points)";
            for (final String ratio : RATIOS)
            {
                final JsonNode value = json.get(ratio);
                if (value.isNull())
                {
                    assertTrue(json.get("undefined").has(ratio), where + ": " + ratio + " is null without a reason");
                }
                else
                {
                    final double number = new BigDecimal(value.asText()).doubleValue();
                    assertTrue(Double.isFinite(number), where + ": " + ratio + " = " + value);
                    assertTrue(!json.get("undefined").has(ratio), where + ": " + ratio + " has a value and a reason");
                }
            }
            for (final Iterator<String> it = json.get("undefined").fieldNames(); it.hasNext(); )
            {
                final String metric = it.next();
                assertTrue(RATIOS.contains(metric), where + ": reason for unknown metric " + metric);
            }
            if (metrics.cagr() != null)
            {
                assertTrue(metrics.years().doubleValue() * 365.25 >= Metrics.MIN_CAGR_DAYS - 1e-6, where + ": CAGR over a short span");
            }
            if (metrics.sharpe() != null || metrics.sortino() != null)
            {
                assertTrue(metrics.years().doubleValue() * 365.25 >= Metrics.MIN_RATIO_DAYS - 1e-6, where + ": annualised over under a day");
            }
        }
    }

    @Test
    void theSameCurveGivesTheSameDigits()
    {
        final EquityCurve a = randomCurve(new Random(7), 100 * UNIT);
        final EquityCurve b = randomCurve(new Random(7), 100 * UNIT);
        assertEquals(Metrics.of(a, List.of(), 100 * UNIT, Map.of()).toJson(), Metrics.of(b, List.of(), 100 * UNIT, Map.of()).toJson());
    }

    private static EquityCurve randomCurve(final Random random, final long initialCash)
    {
        final EquityCurve curve = new EquityCurve("X", initialCash);
        final int points = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(400);
        final long stepNs = switch (random.nextInt(5))
        {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 1_000_000_000L;
            case 3 -> 86_400_000_000_000L;
            default -> 3_155_760_000_000_000L; // a century
        };
        long equity = initialCash;
        for (int i = 0; i < points; i++)
        {
            switch (random.nextInt(8))
            {
                case 0 -> equity = 0;
                case 1 -> equity = -random.nextInt(1_000) * UNIT;
                case 2 -> { } // flat
                case 3 -> equity = Math.max(1, equity) * (1 + random.nextInt(50)); // a jump up
                default -> equity = Math.max(0, equity + (long)(random.nextGaussian() * initialCash / 20));
            }
            equity = Math.min(equity, Long.MAX_VALUE / 1_000);
            curve.add(i * stepNs, 0, random.nextBoolean() ? 1 : 0, equity);
        }
        return curve;
    }

    private static List<Trade> randomTrades(final Random random)
    {
        final List<Trade> trades = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--)
        {
            trades.add(new Trade(0, 0, 0, 0, 1, 0, (random.nextInt(21) - 10) * UNIT));
        }
        return trades;
    }
}
