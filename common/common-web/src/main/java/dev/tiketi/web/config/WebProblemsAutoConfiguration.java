package dev.tiketi.web.config;

import dev.tiketi.clientaddress.ClientAddressRule;
import dev.tiketi.web.input.ClientAddressFilter;
import dev.tiketi.web.input.RequestTextFilter;
import dev.tiketi.web.input.TextCheckingModule;
import dev.tiketi.web.problem.ProblemErrorController;
import dev.tiketi.web.problem.ProblemErrorReportValve;
import dev.tiketi.web.problem.ProblemExceptionHandler;
import dev.tiketi.web.problem.ProblemResponseWriter;
import dev.tiketi.web.problem.RequestBodyLimitFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;

/**
 * Problem details for every error of a servlet service (Tomcat's own refusals included), a cap on request
 * body size, one rule for the text a request may carry ({@link dev.tiketi.web.input.TextInput}) and one for
 * who the client is ({@link ClientAddressRule}).
 */
// Before WebMvcAutoConfiguration: its own ProblemDetailsExceptionHandler backs off when ours exists.
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebProblemsAutoConfiguration {

    @Bean
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    ProblemResponseWriter problemResponseWriter(JsonMapper jsonMapper) {
        return new ProblemResponseWriter(jsonMapper);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${tiketi.web.max-request-body:1MB}") DataSize limit, ProblemResponseWriter writer) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit, writer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestTextFilter> requestTextFilter(ProblemResponseWriter writer) {
        var registration = new FilterRegistrationBean<>(new RequestTextFilter(writer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(
            @Value("${tiketi.trusted-proxies:" + ClientAddressRule.LOOPBACK + "}") String trustedProxies) {
        var registration = new FilterRegistrationBean<>(new ClientAddressFilter(ClientAddressRule.trusting(trustedProxies)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Picked up by Boot's JSON mapper, so every request body is read through it. */
    @Bean
    TextCheckingModule textCheckingModule() {
        return new TextCheckingModule();
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
        return new ProblemErrorReportValveCustomizer();
    }

    /**
     * Puts {@link ProblemErrorReportValve} in place of the host's HTML error report valve. It runs when the
     * context starts, after every factory customizer (Boot's own adds a plain ErrorReportValve), and names the
     * class on the host so that the host does not add Tomcat's default one back.
     */
    static final class ProblemErrorReportValveCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                        || !(context.getParent() instanceof StandardHost host)) {
                    return;
                }
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (Arrays.stream(host.getPipeline().getValves())
                        .noneMatch(ProblemErrorReportValve.class::isInstance)) {
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                }
            }));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
