package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slack and Telegram alerts against a loopback receiver: each service's documented payload, de-duplication, rate limit, failures. */
class AlertsTest
{
    private static final String TOKEN = "123456:ABC-test-token";

    private static AlertSettings settings(final WebhookReceiver receiver, final long dedupeMs, final int maxPerMinute)
    {
        return new AlertSettings(URI.create(receiver.url("/services/T000/B000/XXXX")), URI.create(receiver.url("")), TOKEN, "-1001234",
            60_000, dedupeMs, maxPerMinute);
    }

    @Test
    void slackGetsTextAndTelegramGetsChatIdAndTextAsTheirApisDocument() throws Exception
    {
        try (WebhookReceiver receiver = new WebhookReceiver(); Alerts alerts = new Alerts(settings(receiver, 300_000, 20), "QTS run-1 engine 1",
            System::currentTimeMillis))
        {
            alerts.raise("halt", "HALTED: no new entries");
            assertTrue(OpsClient.await(30, () -> alerts.sent() == 1), "delivered to both: " + receiver.requests);
            assertEquals(2, receiver.requests.size());
            final WebhookReceiver.Request slack = receiver.requests.get(0);
            assertEquals("POST", slack.method());
            assertEquals("/services/T000/B000/XXXX", slack.path());
            assertTrue(slack.contentType().startsWith("application/json"), slack.contentType());
            assertEquals(Map.of("text", "QTS run-1 engine 1: HALTED: no new entries"), new ObjectMapper().readValue(slack.body(), Map.class));
            final WebhookReceiver.Request telegram = receiver.requests.get(1);
            assertEquals("POST", telegram.method());
            assertEquals("/bot" + TOKEN + "/sendMessage", telegram.path());
            assertTrue(telegram.contentType().startsWith("application/json"), telegram.contentType());
            assertEquals(Map.of("chat_id", "-1001234", "text", "QTS run-1 engine 1: HALTED: no new entries"),
                new ObjectMapper().readValue(telegram.body(), Map.class));
        }
    }

    @Test
    void theSameAlertIsSentOncePerDedupeWindowAndNoMoreThanTheRateLimitAMinute() throws Exception
    {
        final AtomicLong clockMs = new AtomicLong(1_000_000);
        try (WebhookReceiver receiver = new WebhookReceiver(); Alerts alerts = new Alerts(settings(receiver, 300_000, 3), "QTS", clockMs::get))
        {
            alerts.raise("halt", "HALTED");
            alerts.raise("halt", "HALTED");
            assertTrue(OpsClient.await(30, () -> alerts.sent() + alerts.dropped() == 2));
            assertEquals(1, alerts.sent(), "the repeat within 5 minutes is dropped");
            clockMs.addAndGet(300_000);
            alerts.raise("halt", "HALTED");
            alerts.raise("breaker", "breaker OPEN");
            alerts.raise("kill", "KILLED");
            alerts.raise("stream", "market-data stream DOWN");
            assertTrue(OpsClient.await(30, () -> alerts.sent() + alerts.dropped() == 6));
            assertEquals(4, alerts.sent(), "after the window the halt goes again, then the breaker and the kill; the fourth is over 3 a minute");
            assertEquals(2, alerts.dropped());
            clockMs.addAndGet(60_000);
            alerts.raise("stream", "market-data stream DOWN");
            assertTrue(OpsClient.await(30, () -> alerts.sent() == 5), "a minute later there is room again");
            assertEquals(10, receiver.requests.size(), "each sent alert went to Slack and to Telegram");
        }
    }

    @Test
    @Timeout(60)
    void aHangingOrFailingServiceNeverBlocksWhoeverRaisesAlerts() throws Exception
    {
        try (WebhookReceiver receiver = new WebhookReceiver(); Alerts alerts = new Alerts(settings(receiver, 0, 1_000), "QTS",
            System::currentTimeMillis))
        {
            receiver.hang();
            for (int i = 0; i < 300; i++)
            {
                alerts.raise("alert-" + i, "number " + i);
            }
            assertTrue(alerts.dropped() >= 300 - 256 - 1, "beyond the queue, alerts are dropped, not waited for: " + alerts.dropped());
            receiver.release();
            receiver.answer(500);
            final long before = alerts.failed();
            alerts.raise("after", "failing");
            assertTrue(OpsClient.await(40, () -> alerts.failed() > before), "a 500 answer counts as failed");
        }
    }
}
