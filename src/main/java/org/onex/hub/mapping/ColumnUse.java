package org.onex.hub.mapping;

/**
 * What a mapping makes of one source column: the envelope path it becomes ({@code subject.legalRepresentative},
 * {@code body.XK_LXDH}, {@code identity.sourceKey} for the key), and whether the mapping declares it a resident ID
 * number ({@code type: idNumber}). The quarantine masks a raw row's columns by this meaning.
 */
public record ColumnUse(String column, String target, boolean idNumber) {
}
