import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The comparison program of {@code bench backtest --vs}: QTS's sma-cross 10/30 backtest written with ta4j 0.18
 * (README "Backtest conventions"): signal on bar t's close, market fill at bar t+1's open (TradeOnNextOpenModel),
 * long only, 1 unit, no commission, cash 1,000,000; final value = cash + an open position at the last close.
 * The first 30 bars are unstable (QTS's SMA(30) has its first value on the 30th bar, which cannot be a cross).
 * Reads an ohlcv CSV (timestamp,open,high,low,close,volume; UTC "yyyy-MM-dd HH:mm:ss[.ffffff]", 1-minute bars)
 * and prints "N trades, final value V" like {@code bin/qts backtest}.
 */
public final class Ta4jSmaCross
{
    private static final BigDecimal CASH = BigDecimal.valueOf(1_000_000);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    public static void main(final String[] args) throws Exception
    {
        final BarSeries series = new BaseBarSeriesBuilder().withName("BTC").withNumFactory(DecimalNumFactory.getInstance()).build();
        try (BufferedReader reader = Files.newBufferedReader(Path.of(args[0])))
        {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                final String[] cols = line.split(",");
                series.barBuilder().timePeriod(Duration.ofMinutes(1))
                    .endTime(LocalDateTime.parse(cols[0], TIME).toInstant(ZoneOffset.UTC).plusSeconds(60))
                    .openPrice(cols[1]).highPrice(cols[2]).lowPrice(cols[3]).closePrice(cols[4]).volume(cols[5]).add();
            }
        }
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final SMAIndicator fast = new SMAIndicator(close, 10);
        final SMAIndicator slow = new SMAIndicator(close, 30);
        final Strategy strategy = new BaseStrategy("sma-cross",
            new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), 30);
        final TradingRecord record = new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strategy);
        BigDecimal value = CASH;
        for (final Position position : record.getPositions())
        {
            value = value.add(decimal(position.getExit().getNetPrice()).subtract(decimal(position.getEntry().getNetPrice())));
        }
        if (record.getCurrentPosition().isOpened())
        {
            value = value.add(decimal(series.getLastBar().getClosePrice()))
                .subtract(decimal(record.getCurrentPosition().getEntry().getNetPrice()));
        }
        System.out.println(record.getPositionCount() + " trades, final value " + value.stripTrailingZeros().toPlainString());
    }

    private static BigDecimal decimal(final Num num)
    {
        return new BigDecimal(num.toString());
    }
}
