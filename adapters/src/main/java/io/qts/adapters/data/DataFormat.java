package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;

import java.util.Locale;

/** Layouts of market-data files that {@link MarketDataFile} reads, by the names the CLI uses. */
public enum DataFormat
{
    /** Yahoo daily bars: {@code Date,Open,High,Low,Close,Adj Close,Volume}. */
    YAHOO("yahoo"),
    /** Bars: {@code timestamp,open,high,low,close,volume} with UTC date-time text. */
    OHLCV("ohlcv"),
    /** Trade ticks in one of the layouts {@link TradeLayout} knows, detected from the header. */
    TRADES("trades");

    private final String cliName;

    DataFormat(final String cliName)
    {
        this.cliName = cliName;
    }

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
        final StringBuilder valid = new StringBuilder();
        for (final DataFormat format : values())
        {
            valid.append(valid.length() == 0 ? "" : ", ").append(format.cliName);
        }
        throw new UserError("unknown format '" + name + "'; expected one of: " + valid);
    }
}
