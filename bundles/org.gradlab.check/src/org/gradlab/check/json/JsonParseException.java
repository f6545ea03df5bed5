package org.gradlab.check.json;

/** Malformed JSON; the message gives line and column. */
public class JsonParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonParseException(String message) {
        super(message);
    }
}
