package dev.tiketi.web.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for text a client sends, in a body, a query or a path: it is well-formed Unicode without
 * control characters. PostgreSQL cannot store NUL in text and refuses to encode an unpaired surrogate, so
 * such input used to fail deep inside a service as a 500 (or a misleading 409); refused at the edge it is a
 * client mistake like any other. Tab, line feed and carriage return stay allowed (a notice body has lines).
 */
public final class TextInput {

    private TextInput() {
    }

    /** True when every character is printable or ordinary white space and every surrogate is paired. */
    public static boolean isAcceptable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c) || isForbiddenControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * Decodes percent-encoded UTF-8 (as in a query string or a path segment) strictly: a malformed escape or
     * bytes that are not UTF-8 (overlong forms, encoded surrogates, stray continuation bytes) are refused
     * instead of silently becoming U+FFFD.
     *
     * @param plusIsSpace true for a query string, where {@code +} stands for a space
     * @throws IllegalArgumentException when the text is not valid percent-encoded UTF-8
     */
    public static String decodePercentEncoded(String encoded, boolean plusIsSpace) {
        if (encoded.indexOf('%') < 0 && (!plusIsSpace || encoded.indexOf('+') < 0)) {
            return encoded;
        }
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length() * 3);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("incomplete percent escape");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("malformed percent escape");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }
}
