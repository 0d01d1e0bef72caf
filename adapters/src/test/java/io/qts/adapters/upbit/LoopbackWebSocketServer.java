package io.qts.adapters.upbit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal WebSocket server on loopback for transport tests: records handshakes and requests, sends and drops on command. */
final class LoopbackWebSocketServer implements AutoCloseable
{
    final List<HttpHeaders> handshakes = new CopyOnWriteArrayList<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    private final String path;

    LoopbackWebSocketServer(final String path) throws InterruptedException
    {
        this.path = path;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                        new ChannelInboundHandlerAdapter()
                        {
                            @Override
                            public void channelRead(final ChannelHandlerContext ctx, final Object msg)
                            {
                                if (msg instanceof FullHttpRequest)
                                {
                                    handshakes.add(((FullHttpRequest)msg).headers().copy());
                                }
                                ctx.fireChannelRead(msg);
                            }
                        },
                        new WebSocketServerProtocolHandler(path),
                        new SimpleChannelInboundHandler<TextWebSocketFrame>()
                        {
                            @Override
                            public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
                            {
                                if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete)
                                {
                                    clients.add(ctx.channel());
                                }
                            }

                            @Override
                            protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame frame)
                            {
                                received.add(frame.text());
                            }
                        });
                }
            })
            .bind("127.0.0.1", 0).sync().channel();
    }

    URI uri()
    {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress)server.localAddress()).getPort() + path);
    }

    int connections()
    {
        return clients.size();
    }

    void sendText(final String text)
    {
        clients.writeAndFlush(new TextWebSocketFrame(text)).awaitUninterruptibly();
    }

    void sendBinary(final String text)
    {
        clients.writeAndFlush(new BinaryWebSocketFrame(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8))).awaitUninterruptibly();
    }

    void dropAll()
    {
        clients.close().awaitUninterruptibly();
    }

    @Override
    public void close()
    {
        clients.close().awaitUninterruptibly();
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
