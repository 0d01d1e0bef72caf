package io.qts.adapters.ops;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** A loopback HTTP server standing in for Slack and Telegram: records every request and answers with a set status. */
final class WebhookReceiver implements AutoCloseable
{
    record Request(String method, String path, String contentType, String body)
    {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile int status = 200;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    WebhookReceiver() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool((r) ->
        {
            final Thread thread = new Thread(r, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", (exchange) ->
        {
            try (exchange)
            {
                final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
                try
                {
                    hold.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                final byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    String url(final String path)
    {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(final int status)
    {
        this.status = status;
    }

    /** Requests wait until {@link #release()}: a service that hangs. */
    void hang()
    {
        hold = new CountDownLatch(1);
    }

    void release()
    {
        hold.countDown();
    }

    @Override
    public void close()
    {
        release();
        server.stop(0);
    }
}
