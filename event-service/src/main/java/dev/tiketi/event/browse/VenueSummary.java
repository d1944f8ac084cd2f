package dev.tiketi.event.browse;

import java.util.UUID;

public record VenueSummary(UUID id, String name, String city) {
}
