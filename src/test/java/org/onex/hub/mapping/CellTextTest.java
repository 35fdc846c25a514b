package org.onex.hub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13 item 8: which text values a spreadsheet would run as a formula (docs/design-decisions.md). */
class CellTextTest {

    @ParameterizedTest
    @ValueSource(strings = { "=cmd|' /C calc'!A0", "=1+1", "=", "@SUM(A1:A9)", "@", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0",
            "-2+3", "+cmd|' /C calc'!A0", "-HYPERLINK(\"http://x\")", "+A1" })
    void formulasAreRefused(String value) {
        assertThat(CellText.isFormula(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-", "--", "-1.5", "-1,000.00", "+86 138 0000 0000", "+86-571-8888-8888",
            "+86 (571) 8888 8888", "武义县壶山五金制造有限公司", "91330723MA2XXXXXX0", "2026-01-05", "1+1", "a=b",
            "准予排污许可" })
    void dataPasses(String value) {
        assertThat(CellText.isFormula(value)).as(value).isFalse();
    }
}
