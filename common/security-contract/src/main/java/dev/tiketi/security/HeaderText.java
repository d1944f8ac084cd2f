package dev.tiketi.security;

import java.util.function.Predicate;

/**
 * Spring Security's firewall rules for header names, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (every code point
 * assigned and not a control character), and header values (the same, and a tab), checked by a loop. Both
 * firewalls, the servlet services' and the gateway's, apply them on every header read, and the regular expression
 * over the bearer token's few hundred characters, read several times per request, was a sixteenth of
 * reservation-service's CPU per hold (docs/benchmarks.md). Printable ASCII, nearly every character of every
 * header, is decided without a Unicode table look-up. A null (an absent header) passes, as it does in Spring's.
 */
public final class HeaderText implements Predicate<String> {

    /** For header names. */
    public static final HeaderText NAMES = new HeaderText(false);
    /** For header values, where a tab is allowed too. */
    public static final HeaderText VALUES = new HeaderText(true);

    private final boolean tabAllowed;

    private HeaderText(boolean tabAllowed) {
        this.tabAllowed = tabAllowed;
    }

    @Override
    public boolean test(String text) {
        if (text == null) {
            return true;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if ((c >= 0x20 && c < 0x7f) || (c == '\t' && tabAllowed)) {
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint) - 1;
        }
        return true;
    }
}
