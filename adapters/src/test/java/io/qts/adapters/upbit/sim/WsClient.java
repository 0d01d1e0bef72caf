package io.qts.adapters.upbit.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client for tests: keeps every message (as UTF-8 text), whether it came binary, pongs, close. */
final class WsClient implements WebSocket.Listener
{
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    volatile boolean allBinary = true;
    private final StringBuilder text = new StringBuilder();
    private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    WebSocket socket;

    static WsClient connect(final int port, final String path, final String authorization) throws Exception
    {
        final WsClient client = new WsClient();
        final WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null)
        {
            builder.header("Authorization", authorization);
        }
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), client).get(5, TimeUnit.SECONDS);
        return client;
    }

    void send(final String message) throws Exception
    {
        socket.sendText(message, true).get(5, TimeUnit.SECONDS);
    }

    String next() throws InterruptedException
    {
        final String m = messages.poll(5, TimeUnit.SECONDS);
        if (m == null)
        {
            throw new AssertionError("no message within 5 s");
        }
        return m;
    }

    @Override
    public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
    {
        allBinary = false;
        text.append(data);
        if (last)
        {
            messages.add(text.toString());
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(final WebSocket ws, final ByteBuffer data, final boolean last)
    {
        final byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.write(bytes, 0, bytes.length);
        if (last)
        {
            messages.add(binary.toString(StandardCharsets.UTF_8));
            binary = new java.io.ByteArrayOutputStream();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(final WebSocket ws, final ByteBuffer message)
    {
        pongs.add(StandardCharsets.UTF_8.decode(message).toString());
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket ws, final int statusCode, final String reason)
    {
        closed.complete("close " + statusCode);
        return null;
    }

    @Override
    public void onError(final WebSocket ws, final Throwable error)
    {
        closed.complete("error " + error);
    }
}
