package org.onex.hub.notice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.notices.*}.
 *
 * @param font           a TrueType font (.ttf or .ttc) with the Chinese characters, embedded in every notice;
 *                       unset: the first of {@link #CANDIDATES} that exists (Debian's fonts-wqy-microhei first)
 * @param receiptBaseUrl the hub's address as the unit's liaison reaches it: the QR code of the receipt slip points
 *                       at {@code <receiptBaseUrl>/console/receipt/<token>}
 * @param remindAfter    a notice not receipted this long after it was issued raises {@code NOTICE_UNRECEIPTED}
 */
@ConfigurationProperties("hub.notices")
public record NoticeProperties(Path font, String receiptBaseUrl, Duration remindAfter) {

    /** Where Debian and the Docker image put a CJK TrueType font. */
    public static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    public NoticeProperties {
        receiptBaseUrl = receiptBaseUrl == null ? "http://localhost:8080" : receiptBaseUrl.replaceAll("/+$", "");
        remindAfter = remindAfter == null ? Duration.ofDays(1) : remindAfter;
    }
}
