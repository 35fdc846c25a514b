package org.onex.hub.schema;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Kind of a natural person's certificate (证件类型, 双公示 XK_XDR_ZJLX / XK_FR_ZJLX, CF_XDR_ZJLX / CF_FR_ZJLX):
 * of the counterpart when it is a natural person, and of a legal representative or responsible person. The
 * national code values are translated by the {@code certificate-types} code list of
 * {@code mappings/_codelists.yaml}; {@link Certificates} checks a number by its type.
 */
public enum CertificateType {
    /** 居民身份证: GB 11643 number, check character and birth date verified. */
    RESIDENT_ID("身份证"),
    /** 护照: letters and digits. */
    PASSPORT("护照"),
    /** 港澳居民来往内地通行证 (回乡证): H or M and 8 or 10 digits. */
    HK_MACAO_PERMIT("港澳居民来往内地通行证"),
    /** 台湾居民来往大陆通行证 (台胞证): 8 or 10 digits. */
    TAIWAN_PERMIT("台湾居民来往大陆通行证"),
    /** 港澳台居民居住证: an 18-character GB 11643 number with region 81, 82 or 83. */
    HMT_RESIDENCE_PERMIT("港澳台居民居住证"),
    /** 外国人永久居留身份证: 18 characters starting with 9 (GB 11643 check, 2017 form) or 3 letters and 12 digits. */
    FOREIGN_PERMANENT_RESIDENT("外国人永久居留身份证"),
    /** Any other certificate: not checked beyond being present. */
    OTHER("其他");

    private final String zh;

    CertificateType(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /**
     * The type named by its enum name or its Chinese name ({@code 身份证}, {@code 居民身份证}, {@code 护照} …), as
     * older exports write it; full-width letters and blanks are tolerated.
     */
    public static Optional<CertificateType> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (s.equals("居民身份证") || s.equals("身份证号") || s.equals("身份证号码")) {
            return Optional.of(RESIDENT_ID);
        }
        return Arrays.stream(values()).filter(t -> t.name().equals(s) || t.zh.equals(s)).findFirst();
    }
}
