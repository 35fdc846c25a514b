package org.onex.hub.notice;

/** No CJK font to embed: a copy notice cannot be printed in Chinese without one. */
public class NoticeFontMissingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NoticeFontMissingException(String message) {
        super(message);
    }
}
