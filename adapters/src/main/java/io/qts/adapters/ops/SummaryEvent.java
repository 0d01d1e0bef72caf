package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A run's summary in the JSON log format: one INFO event of {@value LogSetup#SUMMARY} whose key/value pairs are the
 * figures of last-run.json (logback's JsonEncoder writes them under {@code kvpList}, each value a string). Nested
 * objects become dotted keys ({@code reconciliation.fillsRecovered}), arrays one comma-separated value.
 */
public final class SummaryEvent
{
    private SummaryEvent()
    {
    }

    /** Logs {@code summary} (last-run.json's object) with {@code message} as the event's text. */
    public static void log(final String message, final JsonNode summary)
    {
        final LoggingEventBuilder event = LoggerFactory.getLogger(LogSetup.SUMMARY).atInfo();
        add(event, "", summary);
        event.log(message);
    }

    private static void add(final LoggingEventBuilder event, final String prefix, final JsonNode object)
    {
        for (final Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); )
        {
            final Map.Entry<String, JsonNode> field = fields.next();
            final String key = prefix + field.getKey();
            final JsonNode value = field.getValue();
            if (value.isObject())
            {
                add(event, key + ".", value);
            }
            else if (value.isArray())
            {
                final StringJoiner joined = new StringJoiner(",");
                value.forEach((element) -> joined.add(element.asText()));
                event.addKeyValue(key, joined.toString());
            }
            else
            {
                event.addKeyValue(key, value.asText());
            }
        }
    }
}
