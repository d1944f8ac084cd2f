package dev.tiketi.event.venue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "halls")
public class Hall {

    @Id
    private UUID id;

    @Column(name = "venue_id", nullable = false)
    private UUID venueId;

    @Column(nullable = false)
    private String name;

    /** The template as JSON text; {@link SeatTemplateJson} converts it. */
    @Column(name = "seat_template", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String seatTemplate;

    @Column(name = "seat_count", nullable = false)
    private int seatCount;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Hall() {
    }

    public Hall(UUID venueId, String name, String seatTemplateJson, int seatCount, Instant now) {
        this.id = UUID.randomUUID();
        this.venueId = venueId;
        this.name = name;
        this.seatTemplate = seatTemplateJson;
        this.seatCount = seatCount;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the template; seats of events already created from the old one stay as they are. */
    public void update(String name, String seatTemplateJson, int seatCount, Instant now) {
        this.name = name;
        this.seatTemplate = seatTemplateJson;
        this.seatCount = seatCount;
        this.updatedAt = now;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID venueId() {
        return venueId;
    }

    public String name() {
        return name;
    }

    public String seatTemplateJson() {
        return seatTemplate;
    }

    public int seatCount() {
        return seatCount;
    }
}
