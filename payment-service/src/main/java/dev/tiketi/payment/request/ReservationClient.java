package dev.tiketi.payment.request;

import dev.tiketi.payment.config.PaymentProperties;
import dev.tiketi.serviceauth.ServiceCredentials;
import dev.tiketi.web.problem.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.UUID;

/** reservation-service's internal reservation lookup: the amount to charge comes from here, never the client. */
@Component
class ReservationClient {

    private final RestClient client;

    ReservationClient(@Value("${tiketi.urls.reservation-service}") String baseUrl, PaymentProperties properties,
                      ServiceCredentials credentials) {
        this.client = Neighbours.client(baseUrl, properties, credentials);
    }

    /** The reservation; 404 problem if reservation-service does not know it, 503 if it cannot be asked. */
    ReservationView find(UUID reservationId) {
        ReservationView reservation;
        try {
            reservation = client.get().uri("/internal/reservations/{id}", reservationId).exchange((request, response) -> {
                if (response.getStatusCode().value() == 404) {
                    return null;
                }
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new RestClientException("reservation-service answered " + response.getStatusCode());
                }
                return response.bodyTo(ReservationView.class);
            });
        } catch (RestClientException e) {
            throw Neighbours.unavailable("reservation-service");
        }
        if (reservation == null) {
            throw notFound();
        }
        if (reservation.userId() == null || reservation.eventId() == null || reservation.status() == null
                || reservation.totalAmount() == null) {
            throw Neighbours.unavailable("reservation-service");
        }
        return reservation;
    }

    static ApiException notFound() {
        return ApiException.notFound("reservation-not-found", "There is no such reservation.");
    }
}
