package dev.tiketi.event.venue;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface HallRepository extends JpaRepository<Hall, UUID> {

    List<Hall> findByVenueIdOrderByName(UUID venueId);
}
