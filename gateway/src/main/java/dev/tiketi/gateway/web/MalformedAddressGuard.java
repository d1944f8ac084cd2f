package dev.tiketi.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * A request whose address is not a valid URI (a stray {@code %}, {@code %zz}) never reaches Spring: its
 * reactive adapter cannot build the request and answers a bare 400 without a body. This Netty handler, right
 * after the HTTP codec, answers such a request itself with a 400 problem and closes the connection, checking
 * the address exactly as Spring would parse it.
 */
@Component
class MalformedAddressGuard implements NettyServerCustomizer {

    static final String BODY = "{\"type\":\"https://tiketi.dev/problems/request-rejected\",\"title\":\"Bad Request\","
            + "\"status\":400,\"detail\":\"The request address is not acceptable.\",\"code\":\"request-rejected\"}";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "tiketi.malformedAddress", new Handler());
            }
        });
    }

    static boolean isValidAddress(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static final class Handler extends ChannelInboundHandlerAdapter {

        /** True while the rest of a refused request's body is still arriving. */
        private boolean discarding;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request && !isValidAddress(request.uri())) {
                discarding = !(message instanceof LastHttpContent);
                ReferenceCountUtil.release(message);
                context.writeAndFlush(refusal()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (discarding && message instanceof HttpContent) {
                discarding = !(message instanceof LastHttpContent);
                ReferenceCountUtil.release(message);
                return;
            }
            context.fireChannelRead(message);
        }

        private static FullHttpResponse refusal() {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                    Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
