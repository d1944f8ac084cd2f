package dev.tiketi.reservation.admin;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sales over a span of time. Sold counts bookings by when they were confirmed (a booking cancelled later still
 * counts as sold then); refunded counts confirmed bookings by when they were cancelled — the refund is owed from
 * that moment, payment-service pays it out shortly after. Money in KRW.
 */
record SalesFigures(long bookingsSold, long ticketsSold, long revenue, long bookingsRefunded, long ticketsRefunded,
                    long refunds) {

    static final SalesFigures NONE = new SalesFigures(0, 0, 0, 0, 0, 0);

    /** What was sold minus what was refunded. */
    @JsonProperty("netRevenue")
    public long netRevenue() {
        return revenue - refunds;
    }

    SalesFigures plus(SalesFigures other) {
        return new SalesFigures(bookingsSold + other.bookingsSold, ticketsSold + other.ticketsSold,
                revenue + other.revenue, bookingsRefunded + other.bookingsRefunded,
                ticketsRefunded + other.ticketsRefunded, refunds + other.refunds);
    }
}
