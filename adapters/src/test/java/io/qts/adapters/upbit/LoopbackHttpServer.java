package io.qts.adapters.upbit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A scripted HTTP server on loopback: records each request, answers as the script says (null: never answer). */
final class LoopbackHttpServer implements AutoCloseable
{
    record Request(long atNanos, String method, String uri, HttpHeaders headers, String body)
    {
        String path()
        {
            final int q = uri.indexOf('?');
            return q < 0 ? uri : uri.substring(0, q);
        }

        String line()
        {
            return method + " " + path();
        }
    }

    record Reply(int status, Map<String, String> headers, String body)
    {
        static Reply json(final int status, final String body)
        {
            return new Reply(status, Map.of("Remaining-Req", "group=order; min=1800; sec=7"), body);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;
    private volatile Function<Request, Reply> script;

    LoopbackHttpServer(final Function<Request, Reply> script) throws InterruptedException
    {
        this.script = script;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                        new SimpleChannelInboundHandler<FullHttpRequest>()
                        {
                            @Override
                            protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest req)
                            {
                                final Request request = new Request(System.nanoTime(), req.method().name(), req.uri(),
                                    req.headers().copy(), req.content().toString(StandardCharsets.UTF_8));
                                requests.add(request);
                                final Reply reply = LoopbackHttpServer.this.script.apply(request);
                                if (reply == null)
                                {
                                    return;
                                }
                                final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                    HttpResponseStatus.valueOf(reply.status()),
                                    Unpooled.copiedBuffer(reply.body(), StandardCharsets.UTF_8));
                                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
                                response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
                                reply.headers().forEach((k, v) -> response.headers().set(k, v));
                                ctx.writeAndFlush(response);
                            }
                        });
                }
            })
            .bind("127.0.0.1", 0).sync().channel();
    }

    void script(final Function<Request, Reply> script)
    {
        this.script = script;
    }

    URI uri()
    {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress)server.localAddress()).getPort());
    }

    List<String> lines()
    {
        return requests.stream().map(Request::line).toList();
    }

    @Override
    public void close()
    {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
