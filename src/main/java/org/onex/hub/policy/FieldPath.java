package org.onex.hub.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A path into a record as the sharing policy writes it: dotted ({@code subject.idNumber}) or a JSON pointer
 * ({@code /subject/idNumber}), where {@code *} inside a segment matches any characters ({@code body.CF_*},
 * {@code body.*_ZJHM}). A path covers its own node and everything below it, so a rule on {@code subject}
 * covers {@code subject.name}; array positions are not part of a path.
 */
public final class FieldPath {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_*]+");

    private final String text;
    private final List<String> segments;
    private final List<Pattern> patterns;

    private FieldPath(String text, List<String> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
        this.patterns = segments.stream().map(s -> glob(s, 0)).toList();
    }

    /**
     * Reads a path.
     *
     * @throws IllegalArgumentException naming what is malformed (empty segment, a character other than letters,
     *                                  digits, {@code _} and {@code *})
     */
    public static FieldPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("path is empty");
        }
        String body = text.startsWith("/") ? text.substring(1) : text;
        String separator = text.startsWith("/") ? "/" : "\\.";
        List<String> segments = new ArrayList<>(Arrays.asList(body.split(separator, -1)));
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("path '" + text + "' has an empty segment at position " + (i + 1));
            }
            if (!SEGMENT.matcher(s).matches()) {
                throw new IllegalArgumentException("path '" + text + "': segment '" + s
                        + "' may hold only letters, digits, '_' and the wildcard '*'");
            }
        }
        return new FieldPath(text, segments);
    }

    /** Whether this path names {@code path} or one of its ancestors (segment by segment, wildcards expanded). */
    public boolean covers(List<String> path) {
        if (patterns.size() > path.size()) {
            return false;
        }
        for (int i = 0; i < patterns.size(); i++) {
            if (!patterns.get(i).matcher(path.get(i)).matches()) {
                return false;
            }
        }
        return true;
    }

    public List<String> segments() {
        return segments;
    }

    /** Whether segment {@code i} is written without a wildcard. */
    public boolean literal(int i) {
        return segments.get(i).indexOf('*') < 0;
    }

    /** A wildcard pattern: {@code *} matches any characters, everything else itself. */
    static Pattern glob(String segment, int flags) {
        StringJoiner re = new StringJoiner(".*");
        for (String part : segment.split("\\*", -1)) {
            re.add(part.isEmpty() ? "" : Pattern.quote(part));
        }
        return Pattern.compile(re.toString(), flags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
