package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A scraper of the ops endpoint over real HTTP, parsing /metrics with the Prometheus client's own protobuf model. */
final class OpsClient
{
    /** The protobuf exposition format, as Prometheus asks for it. */
    static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    OpsClient(final int port)
    {
        base = "http://127.0.0.1:" + port;
    }

    record Answer(int status, String body)
    {
        JsonNode json()
        {
            try
            {
                return new ObjectMapper().readTree(body);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }

    Answer get(final String path)
    {
        try
        {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }
        catch (final IOException ex)
        {
            return new Answer(-1, ex.toString());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Scrapes /metrics as protobuf and returns the families by name. */
    Map<String, Metrics.MetricFamily> scrape()
    {
        try
        {
            final HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Accept", PROTOBUF).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200)
            {
                throw new IllegalStateException("/metrics answered " + response.statusCode());
            }
            final Map<String, Metrics.MetricFamily> families = new LinkedHashMap<>();
            try (InputStream in = new ByteArrayInputStream(response.body()))
            {
                Metrics.MetricFamily family;
                while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null)
                {
                    families.put(family.getName(), family);
                }
            }
            return families;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The one sample of an unlabelled counter or gauge. */
    static double value(final Map<String, Metrics.MetricFamily> families, final String name)
    {
        final Metrics.MetricFamily family = family(families, name);
        final Metrics.Metric metric = family.getMetric(0);
        return family.getType() == Metrics.MetricType.COUNTER ? metric.getCounter().getValue() : metric.getGauge().getValue();
    }

    /** The sample of a labelled counter or gauge whose {@code label} is {@code labelValue}. */
    static double value(final Map<String, Metrics.MetricFamily> families, final String name, final String label, final String labelValue)
    {
        final Metrics.MetricFamily family = family(families, name);
        for (final Metrics.Metric metric : family.getMetricList())
        {
            for (final Metrics.LabelPair pair : metric.getLabelList())
            {
                if (pair.getName().equals(label) && pair.getValue().equals(labelValue))
                {
                    return family.getType() == Metrics.MetricType.COUNTER ? metric.getCounter().getValue() : metric.getGauge().getValue();
                }
            }
        }
        throw new AssertionError("no " + name + "{" + label + "=\"" + labelValue + "\"} in " + family);
    }

    /** A family by its name as exposed in text ({@code qts_orders_total}); protobuf names counters with or without the suffix. */
    static Metrics.MetricFamily family(final Map<String, Metrics.MetricFamily> families, final String name)
    {
        Metrics.MetricFamily family = families.get(name);
        if (family == null && name.endsWith("_total"))
        {
            family = families.get(name.substring(0, name.length() - "_total".length()));
        }
        if (family == null)
        {
            throw new AssertionError("no metric " + name + " in " + families.keySet());
        }
        return family;
    }

    /** Waits until {@code check} holds, polling every 50 ms, at most {@code seconds}. */
    static boolean await(final int seconds, final java.util.function.BooleanSupplier check) throws InterruptedException
    {
        final long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline)
        {
            if (check.getAsBoolean())
            {
                return true;
            }
            Thread.sleep(50);
        }
        return check.getAsBoolean();
    }
}
