package dev.tiketi.event.browse;

import java.util.List;
import java.util.UUID;

public record VenueDetail(UUID id, String name, String city, String address, List<Hall> halls) {

    public VenueDetail {
        halls = List.copyOf(halls);
    }

    public record Hall(UUID id, String name, int seatCount) {
    }
}
