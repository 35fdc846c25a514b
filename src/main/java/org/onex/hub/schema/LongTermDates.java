package org.onex.hub.schema;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words department systems write in a validity column instead of a date when a licence does not expire
 * (长期, 长期有效, 永久 …). A date read as one of them is {@link Document#LONG_TERM} (2099-12-31), the value the
 * national 双公示 field sets use for long-term validity, so consumers see one form. The list is configured in
 * one place, {@code long-term-dates} of {@code mappings/_codelists.yaml}; {@link #DEFAULT} applies where no list
 * is configured. Matching ignores blanks (also the full-width blank U+3000) and full-width forms.
 */
public final class LongTermDates {

    /** 长期, 长期有效, 永久, 永久有效, 无期限, 无固定期限. */
    public static final LongTermDates DEFAULT = of(List.of("长期", "长期有效", "永久", "永久有效", "无期限", "无固定期限"));

    private final Set<String> words;

    private LongTermDates(Set<String> words) {
        this.words = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(words)); // messages keep file order
    }

    /**
     * A list of words.
     *
     * @throws IllegalArgumentException if a word is blank or reads as a date itself
     */
    public static LongTermDates of(List<String> words) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String w : words) {
            String n = normalize(w);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("a long-term word is blank");
            }
            normalized.add(n);
        }
        return new LongTermDates(normalized);
    }

    /** Whether {@code text} is one of the words. */
    public boolean matches(String text) {
        return text != null && words.contains(normalize(text));
    }

    /** The words, normalized, for messages. */
    public Set<String> words() {
        return words;
    }

    /** NFKC (full-width to half-width) without any blank. */
    static String normalize(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    }
}
