package org.onex.hub.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque paging cursors. The feed cursor is a feed sequence number, assigned in commit order, so paging
 * by it never skips or repeats a version while new ones are inserted.
 */
final class Cursors {

    private Cursors() {
    }

    static String encode(String kind, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String kind, String cursor, String parameter) {
        if (cursor == null) {
            return -1;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(kind + ":")) {
                throw new IllegalArgumentException();
            }
            long n = Long.parseLong(text.substring(kind.length() + 1));
            if (n < 0) {
                throw new IllegalArgumentException();
            }
            return n;
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(parameter, parameter + " is not a cursor this API returned");
        }
    }
}
