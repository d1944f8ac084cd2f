package dev.tiketi.gateway.spa;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.util.List;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Client-side routing: a browser navigating to /events/42 gets index.html and the SPA's router takes
 * over. Files (anything with an extension) come from classpath:/static as usual, and the API, internal,
 * actuator and fallback paths are never answered with the page, so their unknown paths stay a 404 problem.
 */
@Configuration(proxyBeanMethods = false)
public class SpaRoutes {

    private static final List<String> NOT_PAGES = List.of("/api", "/internal", "/actuator", "/fallback");

    @Bean
    RouterFunction<ServerResponse> spaFallback() {
        Resource index = new ClassPathResource("static/index.html");
        RequestPredicate page = request -> isPagePath(request.path());
        return route(GET("/**").and(accept(MediaType.TEXT_HTML)).and(page),
                request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        // the page names the current asset bundle: always revalidate it
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(index));
    }

    static boolean isPagePath(String path) {
        for (String prefix : NOT_PAGES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return !lastSegment.contains(".") || lastSegment.equals("index.html");
    }
}
