package dev.tiketi.payment.gateway;

/**
 * The PG refused the order, or (as an inquiry answer) holds no money for it. Nothing was charged.
 *
 * @param code the PG's code, e.g. {@code CARD_DECLINED}, {@code NOT_FOUND}
 */
public record Declined(String code, String message) implements ApprovalResult, InquiryResult {

    public static final String NOT_FOUND = "NOT_FOUND";
}
