package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The service's HTTP endpoint (the JDK's built-in server, one daemon thread, so a scrape never runs on the engine
 * thread): {@code GET /health} (200 while the engine thread runs, else 503), {@code GET /ready} (200 when every
 * {@link Readiness} condition holds, else 503; a JSON body lists each condition with why it fails) and
 * {@code GET /metrics} (the registry in the format the scraper asks for: Prometheus text by default, OpenMetrics or
 * protobuf by its Accept header).
 */
final class OpsHttpServer implements AutoCloseable
{
    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final ExpositionFormats formats = ExpositionFormats.init();
    private ExecutorService executor;

    private OpsHttpServer(final HttpServer server)
    {
        this.server = server;
    }

    /**
     * Takes the address; answers nothing until {@link #serve}. Bound before a run touches its var dir, so a taken port
     * stops it with nothing written.
     *
     * @throws IOException when the address cannot be bound (e.g. the port is in use).
     */
    static OpsHttpServer bind(final InetSocketAddress address) throws IOException
    {
        try
        {
            return new OpsHttpServer(HttpServer.create(address, 16));
        }
        catch (final BindException ex)
        {
            throw new BindException("cannot listen on " + address.getAddress().getHostAddress() + ":" + address.getPort() + ": "
                + ex.getMessage());
        }
    }

    /** Starts answering {@code /health}, {@code /ready} and {@code /metrics} from these sources. */
    void serve(final PrometheusRegistry registry, final Readiness readiness, final BooleanSupplier engineRunning)
    {
        executor = Executors.newSingleThreadExecutor((r) ->
        {
            final Thread thread = new Thread(r, "qts-ops-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/health", (exchange) -> answer(exchange, () ->
        {
            final boolean up = engineRunning.getAsBoolean();
            final ObjectNode body = json.createObjectNode();
            body.put("status", up ? "UP" : "DOWN");
            sendJson(exchange, up ? 200 : 503, body);
        }));
        server.createContext("/ready", (exchange) -> answer(exchange, () ->
        {
            final List<Readiness.Condition> conditions = readiness.conditions();
            final boolean ready = Readiness.ready(conditions);
            final ObjectNode body = json.createObjectNode();
            body.put("ready", ready);
            final ArrayNode list = body.putArray("conditions");
            for (final Readiness.Condition condition : conditions)
            {
                list.addObject().put("name", condition.name()).put("ok", condition.ok()).put("reason", condition.reason());
            }
            sendJson(exchange, ready ? 200 : 503, body);
        }));
        server.createContext("/metrics", (exchange) -> answer(exchange, () ->
        {
            final ExpositionFormatWriter writer = formats.findWriter(exchange.getRequestHeaders().getFirst("Accept"));
            final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(16_384);
            writer.write(bytes, registry.scrape());
            exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
            send(exchange, 200, bytes.toByteArray());
        }));
        server.start();
    }

    /** The port it listens on (the chosen one when it was asked for port 0). */
    int port()
    {
        return server.getAddress().getPort();
    }

    private interface Answer
    {
        void run() throws IOException;
    }

    private static void answer(final HttpExchange exchange, final Answer answer) throws IOException
    {
        try (exchange)
        {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod()))
            {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "only GET\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            answer.run();
        }
    }

    private void sendJson(final HttpExchange exchange, final int status, final ObjectNode body) throws IOException
    {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, (json.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(final HttpExchange exchange, final int status, final byte[] body) throws IOException
    {
        final boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head)
        {
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
        if (executor != null)
        {
            executor.shutdownNow();
        }
    }
}
