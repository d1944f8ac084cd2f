package dev.tiketi.event.browse;

/** Seats of one grade at one price: how many there are and how many are still available. */
public record GradeSummary(String grade, long price, int total, int available) {
}
