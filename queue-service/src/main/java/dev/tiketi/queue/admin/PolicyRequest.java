package dev.tiketi.queue.admin;

import dev.tiketi.queue.admission.AdmissionPolicy;
import dev.tiketi.queue.admission.PolicyType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A policy change; a number left out keeps its current value. */
record PolicyRequest(@NotNull PolicyType type,
                     @Min(1) @Max(100_000) Integer ratePerSecond,
                     @Min(1) @Max(1_000_000) Integer maxActive) {

    AdmissionPolicy over(AdmissionPolicy current) {
        return new AdmissionPolicy(type, ratePerSecond == null ? current.ratePerSecond() : ratePerSecond,
                maxActive == null ? current.maxActive() : maxActive);
    }
}
