package dev.tiketi.payment.gateway.toss;

import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.payment.config.RestClients;
import dev.tiketi.payment.gateway.ApprovalRequest;
import dev.tiketi.payment.gateway.ApprovalResult;
import dev.tiketi.payment.gateway.Approved;
import dev.tiketi.payment.gateway.CancelRequest;
import dev.tiketi.payment.gateway.CancelResult;
import dev.tiketi.payment.gateway.Declined;
import dev.tiketi.payment.gateway.GatewayException;
import dev.tiketi.payment.gateway.GatewayException.Failure;
import dev.tiketi.payment.gateway.InquiryResult;
import dev.tiketi.payment.gateway.PaymentGateway;
import dev.tiketi.payment.gateway.PgExchangeLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Toss Payments' core API (v1): confirm a payment the buyer authorised in the Toss widget, cancel it, look it
 * up by order id. Authenticated with HTTP Basic (secret key as user name, empty password); confirm and cancel
 * carry an {@code Idempotency-Key}, so Toss itself never charges or cancels twice for one key.
 * <p>
 * A decision (approval, or a 4xx with Toss' {@code {code, message}} body) is a value; no answer, a 5xx, or an
 * unreadable body is a {@link GatewayException}.
 */
public class TossPaymentGateway implements PaymentGateway {

    public static final String PROVIDER = "TOSS";

    /** Toss codes that mean our request was refused as such (credentials, account), not the buyer's payment. */
    private static final Set<String> OUR_MISTAKES = Set.of("UNAUTHORIZED_KEY", "INVALID_API_KEY",
            "INCORRECT_BASIC_AUTH_FORMAT", "FORBIDDEN_REQUEST", "NOT_FOUND_TERMINAL_ID");
    /** Toss codes that say a request with this idempotency key is still being processed or was already. */
    private static final Set<String> ALREADY_HANDLED = Set.of("ALREADY_PROCESSED_PAYMENT",
            "IDEMPOTENT_REQUEST_PROCESSING");
    private static final Set<String> GONE = Set.of("ALREADY_CANCELED_PAYMENT");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final PgExchangeLog exchanges;
    private final String authorization;

    public TossPaymentGateway(PaymentProperties.Toss settings, Duration timeout, PgExchangeLog exchanges) {
        this.http = RestClients.builder(settings.baseUrl(), settings.connectTimeout(), timeout).build();
        this.exchanges = exchanges;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((settings.secretKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Instrument instrument() {
        return Instrument.PROVIDER_PAYMENT_KEY;
    }

    @Override
    public ApprovalResult approve(ApprovalRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paymentKey", request.providerPaymentKey());
        body.put("orderId", request.orderId());
        body.put("amount", request.amount());
        Answer answer = send("APPROVE", request.orderId(), HttpMethod.POST, "/v1/payments/confirm",
                request.orderId(), body);
        if (answer.ok()) {
            return approved(answer);
        }
        if (ALREADY_HANDLED.contains(answer.code())) {
            // confirmed before under this key (a retry of ours) or still being confirmed: Toss knows which
            return switch (inquire(request.orderId())) {
                case Approved approved -> approved;
                case Declined declined -> declined;
                case InquiryResult.InProgress inProgress -> throw new GatewayException(Failure.PG_ERROR,
                        "Toss is still processing order " + request.orderId());
            };
        }
        return new Declined(answer.code(), answer.message());
    }

    @Override
    public CancelResult cancel(CancelRequest request) {
        Answer answer = send("CANCEL", request.orderId(), HttpMethod.POST,
                "/v1/payments/" + request.transactionId() + "/cancel", "refund-" + request.orderId(),
                Map.of("cancelReason", request.reason()));
        if (answer.ok() || GONE.contains(answer.code())) {
            return new CancelResult.Cancelled(answer.ok() ? cancelledAt(answer.body()) : Instant.now());
        }
        return new CancelResult.Refused(answer.code(), answer.message());
    }

    @Override
    public InquiryResult inquire(String orderId) {
        Answer answer = send("INQUIRE", orderId, HttpMethod.GET, "/v1/payments/orders/" + orderId, null, null);
        if (!answer.ok()) {
            return new Declined(answer.status() == 404 ? Declined.NOT_FOUND : answer.code(), answer.message());
        }
        String status = text(answer.body(), "status");
        return switch (status) {
            case "DONE" -> approved(answer);
            case "READY", "IN_PROGRESS", "WAITING_FOR_DEPOSIT" -> new InquiryResult.InProgress(status);
            // CANCELED, PARTIAL_CANCELED, ABORTED, EXPIRED: no money held for the order
            default -> new Declined(status, "the Toss payment is " + status);
        };
    }

    /** A decided answer (2xx, or 4xx with Toss' error body); anything else throws. */
    private record Answer(int status, JsonNode body) {

        boolean ok() {
            return status / 100 == 2;
        }

        String code() {
            return ok() ? null : text(body, "code");
        }

        String message() {
            return ok() ? null : text(body, "message");
        }
    }

    private Answer send(String operation, String orderId, HttpMethod method, String path, String idempotencyKey,
                        Map<String, Object> body) {
        String json = body == null ? null : JSON.writeValueAsString(body);
        StringBuilder request = new StringBuilder(method.name()).append(' ').append(path)
                .append("\nAuthorization: ").append(authorization);
        if (idempotencyKey != null) {
            request.append("\nIdempotency-Key: ").append(idempotencyKey);
        }
        if (json != null) {
            request.append("\n\n").append(json);
        }
        var exchange = exchanges.begin(PROVIDER, operation, orderId, request.toString());
        Raw raw;
        try {
            RestClient.RequestBodySpec spec = http.method(method).uri(path)
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .accept(MediaType.APPLICATION_JSON);
            if (idempotencyKey != null) {
                spec.header("Idempotency-Key", idempotencyKey);
            }
            if (json != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(json);
            }
            raw = spec.exchange((req, res) -> new Raw(res.getStatusCode().value(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
        } catch (ResourceAccessException e) {
            Failure failure = timedOut(e) ? Failure.TIMEOUT : Failure.TRANSPORT;
            exchange.finish(null, e.getMessage(), failure.name());
            throw new GatewayException(failure, "Toss " + operation + " failed: " + e.getMessage(), e);
        }
        JsonNode parsed;
        try {
            parsed = raw.body().isBlank() ? null : JSON.readTree(raw.body());
        } catch (JacksonException e) {
            parsed = null;
        }
        if (raw.status() >= 500 || parsed == null || !parsed.isObject()
                || (raw.status() / 100 != 2 && !parsed.hasNonNull("code"))) {
            exchange.finish(raw.status(), raw.body(), "PG_ERROR");
            throw new GatewayException(Failure.PG_ERROR, "Toss " + operation + " answered HTTP " + raw.status());
        }
        Answer answer = new Answer(raw.status(), parsed);
        if (!answer.ok() && (raw.status() == 401 || raw.status() == 403 || OUR_MISTAKES.contains(answer.code()))) {
            exchange.finish(raw.status(), raw.body(), "REJECTED");
            throw new GatewayException(Failure.REJECTED, "Toss refused our " + operation + " request: " + answer.code());
        }
        if (!answer.ok() && (raw.status() == 429)) {
            exchange.finish(raw.status(), raw.body(), "PG_ERROR");
            throw new GatewayException(Failure.PG_ERROR, "Toss is rate-limiting us");
        }
        exchange.finish(raw.status(), raw.body(), answer.ok() ? "OK" : "DECLINED:" + answer.code());
        return answer;
    }

    private record Raw(int status, String body) {
    }

    private static Approved approved(Answer answer) {
        String paymentKey = text(answer.body(), "paymentKey");
        String approvedAt = text(answer.body(), "approvedAt");
        if (paymentKey == null || approvedAt == null) {
            throw new GatewayException(Failure.PG_ERROR, "Toss' approval lacks paymentKey or approvedAt");
        }
        return new Approved(paymentKey, OffsetDateTime.parse(approvedAt).toInstant());
    }

    private static Instant cancelledAt(JsonNode payment) {
        JsonNode cancels = payment.get("cancels");
        if (cancels != null && cancels.isArray() && !cancels.isEmpty()) {
            String at = text(cancels.get(cancels.size() - 1), "canceledAt");
            if (at != null) {
                return OffsetDateTime.parse(at).toInstant();
            }
        }
        return Instant.now();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)
                    || cause instanceof InterruptedIOException) {
                return true;
            }
            if (cause instanceof ConnectException) {
                return false;
            }
        }
        return false;
    }
}
