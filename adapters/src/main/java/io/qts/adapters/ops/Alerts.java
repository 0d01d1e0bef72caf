package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Sends alerts to Slack (incoming webhook: {@code POST} of {@code {"text": ...}}, api.slack.com/messaging/webhooks) and
 * Telegram (Bot API {@code POST /bot<token>/sendMessage} with {@code {"chat_id": ..., "text": ...}},
 * core.telegram.org/bots/api#sendmessage) from one daemon thread of its own. {@link #raise} never blocks: an alert goes
 * into a bounded queue or, when that is full, is dropped and counted. The same alert key is sent at most once per
 * dedupe window, and at most {@code maxPerMinute} alerts go out a minute; a webhook that fails or hangs (5 s time-out)
 * is logged and counted, never retried in a loop, and never reaches the engine.
 */
public final class Alerts implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger("io.qts.alerts");
    private static final int QUEUE = 256;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private record Alert(String key, String text)
    {
    }

    private final AlertSettings settings;
    private final String prefix;
    private final LongSupplier clockMs;
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Map<String, Long> lastSentMs = new HashMap<>();
    private final ArrayDeque<Long> sentInLastMinute = new ArrayDeque<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;

    /**
     * @param prefix  put before every text, e.g. "QTS run-20261129-120000 engine 1".
     * @param clockMs wall-clock milliseconds, for de-duplication and the rate limit.
     */
    public Alerts(final AlertSettings settings, final String prefix, final LongSupplier clockMs)
    {
        this.settings = settings;
        this.prefix = prefix;
        this.clockMs = clockMs;
        sender = new Thread(this::sendLoop, "qts-alerts");
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues an alert unless alerts are off; returns at once. {@code key} identifies it for de-duplication. */
    public void raise(final String key, final String text)
    {
        if (settings.enabled() && !queue.offer(new Alert(key, text)))
        {
            dropped.incrementAndGet();
        }
    }

    /** Alerts delivered to every configured service. */
    public long sent()
    {
        return sent.get();
    }

    /** Deliveries that failed (error status, time-out, connection refused). */
    public long failed()
    {
        return failed.get();
    }

    /** Alerts not sent: queue full, repeated within the dedupe window, or over the rate limit. */
    public long dropped()
    {
        return dropped.get();
    }

    private void sendLoop()
    {
        while (running)
        {
            final Alert alert;
            try
            {
                alert = queue.poll(200, TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            if (alert != null)
            {
                deliverIfDue(alert);
            }
        }
    }

    private void deliverIfDue(final Alert alert)
    {
        final long nowMs = clockMs.getAsLong();
        final Long last = lastSentMs.get(alert.key());
        while (!sentInLastMinute.isEmpty() && sentInLastMinute.peekFirst() <= nowMs - 60_000)
        {
            sentInLastMinute.pollFirst();
        }
        if ((last != null && nowMs - last < settings.dedupeMs()) || sentInLastMinute.size() >= settings.maxPerMinute())
        {
            dropped.incrementAndGet();
            return;
        }
        lastSentMs.put(alert.key(), nowMs);
        sentInLastMinute.addLast(nowMs);
        final String text = prefix + ": " + alert.text();
        boolean ok = true;
        if (settings.slackWebhook() != null)
        {
            final ObjectNode body = json.createObjectNode().put("text", text);
            ok &= post(settings.slackWebhook(), body, "slack");
        }
        if (settings.telegramChatId() != null)
        {
            final ObjectNode body = json.createObjectNode().put("chat_id", settings.telegramChatId()).put("text", text);
            ok &= post(settings.telegramApi().resolve("/bot" + settings.telegramToken() + "/sendMessage"), body, "telegram");
        }
        if (ok)
        {
            sent.incrementAndGet();
        }
    }

    /** The URL carries a token: it is never logged, only the service's name and the status. */
    private boolean post(final URI url, final ObjectNode body, final String service)
    {
        try
        {
            final HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2)
            {
                return true;
            }
            LOG.warn(service + " alert not delivered: HTTP " + response.statusCode());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final Exception ex)
        {
            LOG.warn(service + " alert not delivered: " + ex.getClass().getSimpleName());
        }
        failed.incrementAndGet();
        return false;
    }

    /** Gives the alerts still queued up to 10 s to go out, then stops the sender. */
    @Override
    public void close() throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + 10_000_000_000L;
        while (!queue.isEmpty() && System.nanoTime() < deadlineNs)
        {
            Thread.sleep(20);
        }
        running = false;
        sender.join(TIMEOUT.toMillis() * 2 + 1_000);
        sender.interrupt();
    }
}
