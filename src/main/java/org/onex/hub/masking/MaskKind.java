package org.onex.hub.masking;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The kinds of masking a sharing-policy field rule or quarantine column rule can ask for ({@link Masking}). */
public enum MaskKind {
    ID_NUMBER("idNumber", Masking::idNumber),
    PHONE("phone", Masking::phone),
    PERSON_NAME("personName", Masking::personName),
    TEXT("text", Masking::maskText);

    private final String key;
    private final UnaryOperator<String> mask;

    MaskKind(String key, UnaryOperator<String> mask) {
        this.key = key;
        this.mask = mask;
    }

    /** The name used in {@code config/sharing-policy.yaml}. */
    public String key() {
        return key;
    }

    public String apply(String value) {
        return mask.apply(value);
    }

    public static Optional<MaskKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
