package dev.tiketi.security;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Decides every header exactly as the firewalls' (StrictHttpFirewall's, StrictServerWebExchangeFirewall's) regular expressions do. */
class HeaderTextTest {

    /** The firewalls' ASSIGNED_AND_NOT_ISO_CONTROL_PATTERN (header names), verbatim. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    /** The firewalls' HEADER_VALUE_PATTERN, verbatim. */
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithTheFirewallsExpressionsOnEveryCharacter() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            assertThat(HeaderText.NAMES.test(text)).as("name U+%04X", codePoint).isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderText.VALUES.test(text)).as("value U+%04X", codePoint).isEqualTo(VALUES.matcher(text).matches());
        }
    }

    @Test
    void agreesWithTheFirewallsExpressionsOnRandomText() {
        Random random = new Random(14);
        char[] alphabet = {'a', 'Z', ' ', '~', '|', '\u007f', '\t', '\n', '\u0000', '\u00e9', '\u0378', '\ud83d', '\ude00',
                '\ud800', '\udfff', '\ufffe', '\u200b'};
        for (int n = 0; n < 100_000; n++) {
            char[] text = new char[random.nextInt(8)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            String shown = s.chars().mapToObj(Integer::toHexString).toList().toString();
            assertThat(HeaderText.NAMES.test(s)).as(shown).isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderText.VALUES.test(s)).as(shown).isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void anAbsentHeaderPasses() {
        assertThat(HeaderText.NAMES.test(null)).isTrue();
        assertThat(HeaderText.VALUES.test(null)).isTrue();
    }
}
