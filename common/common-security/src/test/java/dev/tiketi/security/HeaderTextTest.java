package dev.tiketi.security;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Decides every header exactly as StrictHttpFirewall's default regular expression does. */
class HeaderTextTest {

    /** StrictHttpFirewall's ASSIGNED_AND_NOT_ISO_CONTROL_PATTERN, verbatim. */
    private static final Pattern SPRING = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private final HeaderText loop = new HeaderText();

    @Test
    void agreesWithTheFirewallsExpressionOnEveryCharacter() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            assertThat(loop.test(text)).as("U+%04X", codePoint).isEqualTo(SPRING.matcher(text).matches());
        }
    }

    @Test
    void agreesWithTheFirewallsExpressionOnRandomText() {
        Random random = new Random(14);
        char[] alphabet = {'a', 'Z', ' ', '~', '\u007f', '\t', '\n', '\u0000', '\u00e9', '\u0378', '\ud83d', '\ude00',
                '\ud800', '\udfff', '\ufffe', '\u200b'};
        for (int n = 0; n < 100_000; n++) {
            char[] text = new char[random.nextInt(8)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            assertThat(loop.test(s)).as(s.chars().mapToObj(Integer::toHexString).toList().toString())
                    .isEqualTo(SPRING.matcher(s).matches());
        }
    }
}
