package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The markets of {@code run.symbol}: one code ({@code KRW-BTC}), or several separated by commas
 * ({@code KRW-BTC,KRW-ETH}). Several markets are numbered as a backtest portfolio's instruments are
 * ({@link io.qts.adapters.data.MergedSeries}): by code in {@code String} order, instrument id 1, 2, ...; the session
 * keeps them in that order, joined by commas ({@link #canonical}), so the same set written in another order is the same
 * session.
 */
public final class RunMarkets
{
    private RunMarkets()
    {
    }

    /**
     * The codes as given, in the order given (the order {@code run.feed}'s files pair with them).
     *
     * @throws UserError for an empty entry or a code given twice, naming {@code source}.
     */
    public static List<String> given(final String text, final String source)
    {
        final List<String> codes = new ArrayList<>();
        for (final String part : text.split(",", -1))
        {
            final String code = part.trim();
            if (code.isEmpty())
            {
                throw new UserError("config key 'run.symbol' has an empty market in '" + text + "' (one code, or several "
                    + "separated by commas such as KRW-BTC,KRW-ETH) (from " + source + ")");
            }
            if (codes.contains(code))
            {
                throw new UserError("config key 'run.symbol' names " + code + " twice: each market once (from " + source + ")");
            }
            codes.add(code);
        }
        return codes;
    }

    /** The codes of a session's symbol text (one code, or several joined by commas) in instrument-id order. */
    public static List<String> sorted(final String text)
    {
        final TreeSet<String> codes = new TreeSet<>();
        for (final String part : text.split(","))
        {
            codes.add(part.trim());
        }
        return List.copyOf(codes);
    }

    /** The session's symbol text: the one code, or the codes in instrument-id order joined by commas. */
    public static String canonical(final List<String> codes)
    {
        return String.join(",", new TreeSet<>(codes));
    }
}
