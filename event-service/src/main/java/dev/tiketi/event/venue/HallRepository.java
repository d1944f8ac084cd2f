package dev.tiketi.event.venue;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface HallRepository extends JpaRepository<Hall, UUID> {

    List<Hall> findByVenueIdOrderByName(UUID venueId);

    Optional<Hall> findByVenueIdAndName(UUID venueId, String name);

    /**
     * Reads the hall under a share lock: an event being created from it and the hall's deletion cannot
     * interleave (deletion takes {@link #findForUpdateById}).
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select h from Hall h where h.id = :id")
    Optional<Hall> findForShareById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from Hall h where h.id = :id")
    Optional<Hall> findForUpdateById(UUID id);
}
