package dev.tiketi.queue.admission;

/** An event's admission policy; both numbers are kept so switching type back restores the other. */
public record AdmissionPolicy(PolicyType type, int ratePerSecond, int maxActive) {

    /** Users admitted per second this policy plans for, given the observed rate and the admission lifetime. */
    double expectedRate(double observedRate, long admissionSeconds) {
        if (type == PolicyType.FIXED_RATE) {
            return ratePerSecond;
        }
        // each slot turns over at least once per admission lifetime even if nobody finishes early
        return Math.max(observedRate, (double) maxActive / Math.max(1, admissionSeconds));
    }
}
