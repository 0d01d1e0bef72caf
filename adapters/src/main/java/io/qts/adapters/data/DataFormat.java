package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;

import java.util.Locale;

/** Layouts of market-data files that {@link MarketDataFile} reads, by the names the CLI uses. */
public enum DataFormat
{
    /** Yahoo daily bars: {@code Date,Open,High,Low,Close,Adj Close,Volume}. */
    YAHOO("yahoo"),
    /**
     * Bars in a CSV file whose header names a time column and open, high, low, close and volume, in any order;
     * other columns are ignored. Times are UTC date-times, dates, epoch numbers (s, ms, us or ns by digit
     * count) or a {@code Date} and a {@code Time} column.
     */
    OHLCV("ohlcv"),
    /** Trade ticks in one of the layouts {@link TradeLayout} knows, detected from the header. */
    TRADES("trades"),
    /** Upbit's REST candle JSON ({@code GET /v1/candles/...}), read by {@link UpbitCandleReader}. */
    UPBIT_CANDLES("upbit-candles"),
    /** Binance kline CSV: 12 columns, no header, epoch-ms (or us) open and close times. */
    BINANCE_KLINES("binance-klines");

    private final String cliName;

    DataFormat(final String cliName)
    {
        this.cliName = cliName;
    }

    /** The CLI names, for help and messages: {@code yahoo|ohlcv|trades|upbit-candles|binance-klines}. */
    public static String cliNames(final String separator)
    {
        final StringBuilder names = new StringBuilder();
        for (final DataFormat format : values())
        {
            names.append(names.length() == 0 ? "" : separator).append(format.cliName);
        }
        return names.toString();
    }

    /** The format's name on the command line ({@code --format}). */
    public String cliName()
    {
        return cliName;
    }

    /**
     * The format with this CLI name, ignoring case.
     *
     * @throws UserError naming the valid names if there is none.
     */
    public static DataFormat fromName(final String name)
    {
        final String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (final DataFormat format : values())
        {
            if (format.cliName.equals(wanted))
            {
                return format;
            }
        }
        throw new UserError("unknown format '" + name + "'; expected one of: " + cliNames(", "));
    }
}
