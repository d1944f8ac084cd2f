package dev.tiketi.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link TextInput}'s rule to every string read from a JSON body, whatever record or field it goes
 * to: a NUL or an unpaired surrogate ({@code "\u0000"}, {@code "\ud800"}) fails the read with
 * {@link UnacceptableTextException}, which the problem handler answers as a 400 naming the field.
 */
public class TextCheckingModule extends SimpleModule {

    public TextCheckingModule() {
        super("tiketi-text-checking");
        addDeserializer(String.class, new CheckingStringDeserializer());
    }

    /** A string in a request body that breaks {@link TextInput}'s rule. */
    public static final class UnacceptableTextException extends InvalidFormatException {
        UnacceptableTextException(JsonParser parser) {
            super(parser, "text with control characters or invalid Unicode", null, String.class);
        }
    }

    private static final class CheckingStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !TextInput.isAcceptable(value)) {
                throw new UnacceptableTextException(parser);
            }
            return value;
        }
    }
}
