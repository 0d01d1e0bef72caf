package io.qts.adapters.upbit.sim;

import io.qts.adapters.data.MarketSeries;
import io.qts.journal.sbe.Aggressor;
import io.qts.journal.sbe.BarDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.TradeTickDecoder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The trades the simulator plays, made deterministically from a {@link MarketSeries}.
 *
 * <p>Trade ticks are played as they are (an unknown aggressor becomes "BID" when the price did not fall,
 * else "ASK"). Each bar becomes four trades, in this order: open, then the extreme nearer in bar order
 * (low then high for a bar that closed at or above its open, high then low otherwise), then close, at the
 * bar's time plus 0, 1/4, 2/4 and 3/4 of its duration (of one minute when the file has one bar only); each
 * carries a quarter of the bar's volume (rounded down to 8 places, the rest on the close). A trade is "BID"
 * when its price is at or above the previous trade's, else "ASK". {@code sequential_id} is
 * {@code trade_timestamp * 1000 + n} with n counting trades of the same millisecond, so it strictly increases.
 */
public final class MarketTape
{
    private static final long NS_PER_MS = 1_000_000L;

    private MarketTape()
    {
    }

    /** The trades for a series, in playing order, as described above. */
    public static List<SimTrade> of(final MarketSeries series)
    {
        final List<long[]> raw = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final BarDecoder bar = new BarDecoder();
        final TradeTickDecoder tick = new TradeTickDecoder();
        series.replay((timeNs, sourceId, format, buffer, offset, length) ->
        {
            header.wrap(buffer, offset);
            if (header.templateId() == BarDecoder.TEMPLATE_ID)
            {
                bar.wrapAndApplyHeader(buffer, offset, header);
                raw.add(new long[] {0, bar.timeNs(), bar.durationNs(), bar.openPrice(), bar.highPrice(),
                    bar.lowPrice(), bar.closePrice(), bar.volume()});
            }
            else if (header.templateId() == TradeTickDecoder.TEMPLATE_ID)
            {
                tick.wrapAndApplyHeader(buffer, offset, header);
                final Aggressor aggressor = tick.aggressor();
                raw.add(new long[] {1, tick.timeNs(), aggressor == Aggressor.BUY ? 1 : aggressor == Aggressor.SELL ? 2 : 0,
                    tick.price(), tick.qty()});
            }
        });
        final Builder out = new Builder(series.priceScale(), series.qtyScale());
        for (final long[] r : raw)
        {
            if (r[0] == 1)
            {
                out.add(r[1], r[3], r[4], r[2] == 1 ? "BID" : r[2] == 2 ? "ASK" : null);
                continue;
            }
            final long timeNs = r[1];
            final long durationNs = r[2] > 0 ? r[2] : 60_000_000_000L;
            final long open = r[3];
            final long high = r[4];
            final long low = r[5];
            final long close = r[6];
            final long volume = r[7];
            final long quarter = volume / 4;
            final long[] prices = close >= open ? new long[] {open, low, high, close} : new long[] {open, high, low, close};
            for (int k = 0; k < 4; k++)
            {
                out.add(timeNs + durationNs / 4 * k, prices[k], k < 3 ? quarter : volume - 3 * quarter, null);
            }
        }
        return List.copyOf(out.trades);
    }

    private static final class Builder
    {
        final List<SimTrade> trades = new ArrayList<>();
        final int priceScale;
        final int qtyScale;
        long lastMs = Long.MIN_VALUE;
        int sameMs;
        BigDecimal lastPrice;

        Builder(final int priceScale, final int qtyScale)
        {
            this.priceScale = priceScale;
            this.qtyScale = qtyScale;
        }

        void add(final long timeNs, final long price, final long qty, final String askBid)
        {
            final long ms = Math.floorDiv(timeNs, NS_PER_MS);
            sameMs = ms == lastMs ? sameMs + 1 : 0;
            if (sameMs >= 1000)
            {
                return; // more than 1000 trades in one millisecond: not representable in sequential_id
            }
            lastMs = ms;
            final BigDecimal p = BigDecimal.valueOf(price, priceScale).stripTrailingZeros();
            final BigDecimal q = BigDecimal.valueOf(qty, qtyScale).setScale(8, RoundingMode.DOWN).stripTrailingZeros();
            final String side = askBid != null ? askBid : lastPrice == null || p.compareTo(lastPrice) >= 0 ? "BID" : "ASK";
            trades.add(new SimTrade(ms, plainScale(p), plainScale(q), side, ms * 1000 + sameMs));
            lastPrice = p;
        }

        private static BigDecimal plainScale(final BigDecimal v)
        {
            return v.scale() < 0 ? v.setScale(0) : v;
        }
    }
}
