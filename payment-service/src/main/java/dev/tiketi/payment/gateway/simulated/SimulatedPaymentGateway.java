package dev.tiketi.payment.gateway.simulated;

import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.payment.gateway.ApprovalRequest;
import dev.tiketi.payment.gateway.ApprovalResult;
import dev.tiketi.payment.gateway.Approved;
import dev.tiketi.payment.gateway.CancelRequest;
import dev.tiketi.payment.gateway.CancelResult;
import dev.tiketi.payment.gateway.Declined;
import dev.tiketi.payment.gateway.GatewayException;
import dev.tiketi.payment.gateway.InquiryResult;
import dev.tiketi.payment.gateway.PaymentGateway;
import dev.tiketi.payment.gateway.PgExchangeLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for a remote PG, for development and tests: no money moves. It decides by test card number
 * ({@link SimulatedCards}) and keeps its own books ({@code sim_pg_transactions}), apart from our payments,
 * so that it answers inquiries truthfully — also about approvals whose answer never reached us, and after
 * payment-service restarts. Its requests and answers are recorded like a real PG's.
 */
public class SimulatedPaymentGateway implements PaymentGateway {

    public static final String PROVIDER = "SIMULATED";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimulatedPgBooks books;
    private final PgExchangeLog exchanges;
    private final PaymentProperties.Simulated settings;
    private final Clock clock;

    public SimulatedPaymentGateway(JdbcClient jdbc, PgExchangeLog exchanges, PaymentProperties.Simulated settings,
                                   Clock clock) {
        this.books = new SimulatedPgBooks(jdbc);
        this.exchanges = exchanges;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Instrument instrument() {
        return Instrument.CARD;
    }

    @Override
    public ApprovalResult approve(ApprovalRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", request.orderId());
        body.put("amount", request.amount());
        body.put("orderName", request.orderName());
        if (request.card() != null) {
            body.put("card", card(request));
        }
        var exchange = exchanges.begin(PROVIDER, "APPROVE", request.orderId(), "approve " + JSON.writeValueAsString(body));
        if (request.card() == null) {
            return declined(exchange, new Declined("INVALID_CARD", "no card details"));
        }
        return switch (SimulatedCards.behaviour(request.card().number())) {
            case APPROVE -> approved(exchange, request);
            case APPROVE_SLOWLY -> {
                if (!pause(settings.slowLatency())) {
                    exchange.finish(null, null, "INTERRUPTED");
                    throw new GatewayException(GatewayException.Failure.TIMEOUT, "the caller gave up");
                }
                yield approved(exchange, request);
            }
            case DECLINE -> declined(exchange, new Declined("CARD_DECLINED", "The card was declined."));
            case DECLINE_INSUFFICIENT_FUNDS ->
                    declined(exchange, new Declined("INSUFFICIENT_FUNDS", "The card has insufficient funds."));
            case DECLINE_INVALID_NUMBER ->
                    declined(exchange, new Declined("INVALID_CARD_NUMBER", "The card number is not valid."));
            case HANG -> {
                pause(settings.hang());
                exchange.finish(null, null, "NO_RESPONSE");
                throw new GatewayException(GatewayException.Failure.TIMEOUT, "the simulated PG never answered");
            }
            case APPROVE_AND_LOSE_RESPONSE -> {
                books.approve(request.orderId(), request.amount(), request.card().last4(), clock.instant());
                exchange.finish(null, null, "TRANSPORT_ERROR");
                throw new GatewayException(GatewayException.Failure.TRANSPORT,
                        "connection reset before the simulated PG's answer arrived");
            }
        };
    }

    @Override
    public CancelResult cancel(CancelRequest request) {
        var exchange = exchanges.begin(PROVIDER, "CANCEL", request.orderId(), "cancel " + JSON.writeValueAsString(Map.of(
                "orderId", request.orderId(), "transactionId", request.transactionId(), "amount", request.amount(),
                "reason", request.reason())));
        return books.cancel(request.orderId(), request.transactionId(), request.reason(), clock.instant())
                .<CancelResult>map(charge -> {
                    exchange.finish(null, "{\"status\":\"CANCELLED\",\"cancelledAt\":\"" + charge.cancelledAt() + "\"}",
                            "CANCELLED");
                    return new CancelResult.Cancelled(charge.cancelledAt());
                })
                .orElseGet(() -> {
                    exchange.finish(null, "{\"code\":\"NOT_FOUND\"}", "REFUSED");
                    return new CancelResult.Refused(Declined.NOT_FOUND, "no such charge");
                });
    }

    @Override
    public InquiryResult inquire(String orderId) {
        var exchange = exchanges.begin(PROVIDER, "INQUIRE", orderId, "inquire {\"orderId\":\"" + orderId + "\"}");
        InquiryResult result = books.find(orderId)
                .<InquiryResult>map(charge -> switch (charge.status()) {
                    case APPROVED -> new Approved(charge.transactionId(), charge.approvedAt());
                    case CANCELLED -> new Declined("CANCELLED", "the charge was cancelled");
                })
                .orElseGet(() -> new Declined(Declined.NOT_FOUND, "no such order"));
        exchange.finish(null, JSON.writeValueAsString(result), switch (result) {
            case Approved approved -> "APPROVED";
            case Declined declined -> declined.code();
            case InquiryResult.InProgress inProgress -> "IN_PROGRESS";
        });
        return result;
    }

    private ApprovalResult approved(PgExchangeLog.Exchange exchange, ApprovalRequest request) {
        var charge = books.approve(request.orderId(), request.amount(), request.card().last4(), clock.instant());
        var approved = new Approved(charge.transactionId(), charge.approvedAt());
        exchange.finish(null, JSON.writeValueAsString(approved), "APPROVED");
        return approved;
    }

    private static ApprovalResult declined(PgExchangeLog.Exchange exchange, Declined declined) {
        exchange.finish(null, JSON.writeValueAsString(declined), "DECLINED");
        return declined;
    }

    private static Map<String, Object> card(ApprovalRequest request) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", request.card().number());
        card.put("expiryMonth", request.card().expiryMonth());
        card.put("expiryYear", request.card().expiryYear());
        card.put("cvc", request.card().cvc());
        return card;
    }

    /** @return false if interrupted (the caller's timeout cancelled the call) */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !Thread.currentThread().isInterrupted();
    }
}
