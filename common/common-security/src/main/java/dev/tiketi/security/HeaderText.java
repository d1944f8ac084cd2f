package dev.tiketi.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.function.Predicate;

/**
 * StrictHttpFirewall's default rule for header names and values, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (every
 * code point assigned and not a control character), checked by a loop. The firewall applies it on every
 * {@code getHeader}, and the regular expression over the bearer token's few hundred characters, read several times
 * per request, was a sixteenth of reservation-service's CPU per hold (docs/benchmarks.md). Printable ASCII, nearly
 * every character of every header, is decided without a Unicode table look-up.
 */
final class HeaderText implements Predicate<String> {

    @Override
    public boolean test(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
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

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        HeaderText rule = new HeaderText();
        firewall.setAllowedHeaderNames(rule);
        firewall.setAllowedHeaderValues(rule);
        return firewall;
    }
}
