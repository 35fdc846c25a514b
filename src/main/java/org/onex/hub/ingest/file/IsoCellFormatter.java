package org.onex.hub.ingest.file;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns numeric workbook cells into the text a mapping reads: date-formatted cells as ISO
 * {@code yyyy-MM-dd} (or {@code yyyy-MM-dd'T'HH:mm:ss} when they have a time of day), every other number
 * in plain form ("12", "1.5", "12000000", never "1.2E7"). The cell's display format (thousands
 * separators, rounding to two decimals, a Chinese date pattern) is deliberately not applied: it is how
 * the department's Excel shows the value, not the value. Not thread-safe, like its parent: one per read.
 */
final class IsoCellFormatter extends DataFormatter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
            return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.format(DATE_TIME);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
