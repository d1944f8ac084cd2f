package dev.tiketi.gateway.routing;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The proxied calls run on the server's event loops instead of reactor-netty's global ones: a request read on
 * one loop, sent upstream from another and answered from the first again crossed threads twice (a task queued
 * and a loop woken each way). With one set of loops a connection to a service opened while serving a request is
 * opened on that request's loop (reactor-netty colocates it), so a request and its proxied call mostly stay on
 * one thread.
 */
@Configuration(proxyBeanMethods = false)
class ProxyEventLoopConfig {

    @Bean
    HttpClientCustomizer proxiedCallsOnTheServersEventLoops(ReactorResourceFactory serverResources) {
        return client -> client.runOn(serverResources.getLoopResources());
    }
}
