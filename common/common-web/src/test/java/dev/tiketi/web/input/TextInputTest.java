package dev.tiketi.web.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Seoul Arena", "아이유 콘서트", "line one\nline two\r\n\ttabbed", "emoji \uD83C\uDFAB ok",
            "'; DROP TABLE events; --", "<script>alert(1)</script>", "\uFFFD"})
    void ordinaryTextIsAcceptable(String text) {
        assertThat(TextInput.isAcceptable(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000inside", "\u0000", "bell\u0007", "escape\u001B[31m", "delete\u007F",
            "c1\u0085", "lone high \uD800", "lone low \uDC00 first", "reversed \uDC00\uD800", "ends high \uD83C"})
    void controlCharactersAndUnpairedSurrogatesAreNot(String text) {
        assertThat(TextInput.isAcceptable(text)).isFalse();
    }

    @Test
    void decodesStrictPercentEncodedUtf8() {
        assertThat(TextInput.decodePercentEncoded("%EC%95%84%EC%9D%B4%EC%9C%A0+live", true)).isEqualTo("아이유 live");
        assertThat(TextInput.decodePercentEncoded("a+b", false)).isEqualTo("a+b");
        assertThat(TextInput.decodePercentEncoded("%00", true)).isEqualTo("\u0000");
        assertThat(TextInput.decodePercentEncoded("plain", true)).isEqualTo("plain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%FF%FE", "%ED%A0%80", "%C0%AF", "%80", "%E2%82", "%", "%4", "%G1", "abc%zz"})
    void refusesMalformedEscapesAndBytesThatAreNotUtf8(String encoded) {
        assertThatIllegalArgumentException().isThrownBy(() -> TextInput.decodePercentEncoded(encoded, true));
    }

    @Test
    void namesTheFirstPartOfAnAddressThatBreaksTheRule() {
        assertThat(RequestTextFilter.refusedPart("/api/events", "keyword=%FF%FE")).hasValue("keyword");
        assertThat(RequestTextFilter.refusedPart("/api/events", "page=1&keyword=a%00b")).hasValue("keyword");
        assertThat(RequestTextFilter.refusedPart("/api/events", "bad%C0%AF=1")).hasValue("query");
        assertThat(RequestTextFilter.refusedPart("/api/events/%ED%A0%80", null)).hasValue("path");
        assertThat(RequestTextFilter.refusedPart("/api/events/x%01", "")).hasValue("path");
        assertThat(RequestTextFilter.refusedPart("/api/events", "keyword=%EC%95%84%EC%9D%B4%EC%9C%A0&sort=date"))
                .isEmpty();
        assertThat(RequestTextFilter.refusedPart("/api/events/3f2a", "flag&x=")).isEmpty();
    }
}
