package io.qts.adapters.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.qts.adapters.cli.UserError;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Upbit candles ({@link DataFormat#UPBIT_CANDLES}): the JSON array Upbit's REST API returns from
 * {@code GET /v1/candles/seconds}, {@code /minutes/{unit}}, {@code /days}, {@code /weeks}, {@code /months}
 * (Upbit API reference, "Candles"), saved as it came. Upbit lists the newest candle first; the candles are
 * put in time order here. Prices and volume may be JSON numbers or strings.
 *
 * <p>A candle's time is {@code candle_date_time_utc}, the start of its period (Upbit's {@code timestamp} is the
 * time of the candle's last trade, not used). Open, high, low, close and volume are {@code opening_price},
 * {@code high_price}, {@code low_price}, {@code trade_price} and {@code candle_acc_trade_volume} (in the base
 * currency). The bar length is {@code unit} minutes where the candles have it (minute candles), else the
 * shortest step between candles (Upbit leaves out periods without trades; 0 for a single candle). Every
 * candle must be of one {@code market} and one {@code unit}. A message's line is where the candle's object starts.
 */
final class UpbitCandleReader
{
    private static final String TIME = "candle_date_time_utc";
    private static final String[] VALUES = {"opening_price", "high_price", "low_price", "trade_price", "candle_acc_trade_volume"};
    private static final String MARKET = "market";
    private static final String UNIT = "unit";
    private static final JsonFactory JSON = new JsonFactory();

    private UpbitCandleReader()
    {
    }

    /** One candle object's fields as text, and the line it starts on. */
    private record Candle(int line, Map<String, String> fields)
    {
    }

    /** A candle whose time was read, with the cells [time, open, high, low, close, volume] the bar checks read. */
    private record Timed(int line, long timeNs, String[] cells)
    {
    }

    static BarSeries read(final Path file, final Reader in, final String symbol, final BadRows bad) throws IOException
    {
        final CsvCursor csv = new CsvCursor(file, null);
        final List<Candle> candles = parse(file, in);
        if (candles.isEmpty())
        {
            throw csv.noDataRows();
        }
        final List<Timed> timed = new ArrayList<>(candles.size());
        String market = null;
        String unit = null;
        for (final Candle candle : candles)
        {
            final String[] cells = new String[1 + VALUES.length];
            cells[0] = candle.fields.getOrDefault(TIME, "");
            for (int i = 0; i < VALUES.length; i++)
            {
                cells[1 + i] = candle.fields.getOrDefault(VALUES[i], "");
            }
            csv.load(candle.line, cells);
            final int digits = csv.priceDigits();
            try
            {
                for (int i = 0; i < cells.length; i++)
                {
                    if (!candle.fields.containsKey(i == 0 ? TIME : VALUES[i - 1]))
                    {
                        throw csv.error("candle has no " + (i == 0 ? TIME : VALUES[i - 1]));
                    }
                }
                market = same(csv, MARKET, market, candle.fields.get(MARKET));
                unit = same(csv, UNIT, unit, candle.fields.get(UNIT));
                final String time = cells[0];
                if (time.length() != 19)
                {
                    throw csv.error(TIME + " '" + time + "' is not 'YYYY-MM-DDTHH:MM:SS'");
                }
                timed.add(new Timed(candle.line, csv.dateTimeNs(0), cells));
            }
            catch (final UserError ex)
            {
                bad.refused(ex, csv, digits);
            }
        }
        timed.sort(Comparator.comparingLong(Timed::timeNs).thenComparingInt(Timed::line));

        final BarRows bars = new BarRows(VALUES[0], VALUES[1], VALUES[2], VALUES[3]);
        for (final Timed candle : timed)
        {
            csv.load(candle.line, candle.cells);
            final int digits = csv.priceDigits();
            try
            {
                bars.add(csv, candle.timeNs, 1, 2, 3, 4, 5, VALUES[4]);
            }
            catch (final UserError ex)
            {
                bad.refused(ex, csv, digits);
            }
        }
        if (bars.isEmpty())
        {
            throw csv.noDataRows();
        }
        return bars.series(symbol, csv.priceDigits(), durationNs(csv, bars, unit));
    }

    private static long durationNs(final CsvCursor csv, final BarRows bars, final String unit)
    {
        if (unit != null)
        {
            try
            {
                final long minutes = Long.parseLong(unit);
                if (minutes > 0 && minutes <= 1440)
                {
                    return minutes * 60 * Timestamps.NANOS_PER_SECOND;
                }
            }
            catch (final NumberFormatException ex)
            {
                // Refused below with the other values a unit cannot have.
            }
            throw csv.error(UNIT + " '" + unit + "' is not a number of minutes from 1 to 1440");
        }
        long shortest = 0;
        for (int i = 1; i < bars.size(); i++)
        {
            final long step = bars.timeNs(i) - bars.timeNs(i - 1);
            shortest = shortest == 0 ? step : Math.min(shortest, step);
        }
        return shortest;
    }

    /** The value every candle must share; null while no candle had the field. */
    private static String same(final CsvCursor csv, final String field, final String before, final String value)
    {
        if (before != null && (value == null || !before.equals(value)))
        {
            throw csv.error(field + " '" + value + "' differs from the first candle's '" + before + "'");
        }
        return before != null ? before : value;
    }

    /** The array's objects; anything that is not a JSON array of objects is an error, whatever the policy. */
    private static List<Candle> parse(final Path file, final Reader in) throws IOException
    {
        final List<Candle> candles = new ArrayList<>();
        try (JsonParser json = JSON.createParser(in))
        {
            if (json.nextToken() != JsonToken.START_ARRAY)
            {
                throw new UserError(file + ":" + Math.max(1, json.getTokenLocation().getLineNr()) +
                    ": expected a JSON array of Upbit candles, as GET /v1/candles/... returns");
            }
            for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken())
            {
                final int line = json.getTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT)
                {
                    throw new UserError(file + ":" + line + ": expected a candle object, found " + json.getText());
                }
                final Map<String, String> fields = new HashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = json.currentName();
                    final JsonToken value = json.nextToken();
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)
                    {
                        json.skipChildren();
                    }
                    else if (value != JsonToken.VALUE_NULL)
                    {
                        fields.put(name, json.getText().trim());
                    }
                }
                candles.add(new Candle(line, fields));
            }
            if (json.nextToken() != null)
            {
                throw new UserError(file + ":" + json.getTokenLocation().getLineNr() + ": content after the candle array");
            }
        }
        catch (final JsonProcessingException ex)
        {
            throw new UserError(file + ":" + Math.max(1, ex.getLocation() == null ? 1 : ex.getLocation().getLineNr()) +
                ": not valid JSON: " + ex.getOriginalMessage().lines().findFirst().orElse(""), ex);
        }
        return candles;
    }
}
