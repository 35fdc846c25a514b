package org.onex.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onex.hub.schema.Money.MoneyUnit;

/** Amounts from source columns: numbers, grouped text, unit suffixes that must match the declared unit. */
class MoniesTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("1.5", MoneyUnit.WAN_YUAN, "1.5"),
                Arguments.of("1,200.00", MoneyUnit.YUAN, "1200"),
                Arguments.of("12,345,678.9", MoneyUnit.YUAN, "12345678.9"),
                Arguments.of("1.5万元", MoneyUnit.WAN_YUAN, "1.5"),
                Arguments.of("1.5 万", MoneyUnit.WAN_YUAN, "1.5"),
                Arguments.of("1200元", MoneyUnit.YUAN, "1200"),
                Arguments.of("￥300", MoneyUnit.YUAN, "300"),
                Arguments.of("  0.50 ", MoneyUnit.WAN_YUAN, "0.5"),
                Arguments.of("0", MoneyUnit.WAN_YUAN, "0"),
                Arguments.of("0.00", MoneyUnit.WAN_YUAN, "0"),
                Arguments.of(".5", MoneyUnit.WAN_YUAN, "0.5"),
                Arguments.of(1.5d, MoneyUnit.WAN_YUAN, "1.5"),
                Arguments.of(0.1f, MoneyUnit.WAN_YUAN, "0.1"),
                Arguments.of(200, MoneyUnit.YUAN, "200"),
                Arguments.of(3000L, MoneyUnit.YUAN, "3000"),
                Arguments.of(new BigDecimal("1.2E+3"), MoneyUnit.YUAN, "1200"),
                Arguments.of(new BigDecimal("0.0200"), MoneyUnit.WAN_YUAN, "0.02"),
                Arguments.of(BigInteger.valueOf(50000), MoneyUnit.YUAN, "50000"));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void parsesAmounts(Object raw, MoneyUnit unit, String plain) {
        Money money = Monies.parse(raw, unit);
        assertThat(money.unit()).isEqualTo(unit);
        assertThat(money.amount().toPlainString()).isEqualTo(plain);
        assertThat(money.amount()).isEqualTo(new BigDecimal(plain)); // same scale: hashes equal
    }

    @Test
    void convertsToYuan() {
        assertThat(Monies.parse("1.5万元", MoneyUnit.WAN_YUAN).inYuan()).isEqualByComparingTo("15000");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("1200元", MoneyUnit.WAN_YUAN,
                        "unit '元' in amount '1200元' conflicts with the declared unit 万元 (WAN_YUAN)"),
                Arguments.of("1.5万元", MoneyUnit.YUAN,
                        "unit '万元' in amount '1.5万元' conflicts with the declared unit 元 (YUAN)"),
                Arguments.of("3万", MoneyUnit.YUAN, "unit '万' in amount '3万' conflicts with the declared unit 元 (YUAN)"),
                Arguments.of("-5", MoneyUnit.YUAN, "amount '-5' is negative"),
                Arguments.of("-1,200.00元", MoneyUnit.YUAN, "amount '-1,200.00元' is negative"),
                Arguments.of(-5, MoneyUnit.YUAN, "amount '-5' is negative"),
                Arguments.of(new BigDecimal("-0.01"), MoneyUnit.WAN_YUAN, "amount '-0.01' is negative"),
                Arguments.of("abc", MoneyUnit.YUAN, "amount 'abc' is not a number (expected e.g. 1.5, 1,200.00 or 1.5元)"),
                Arguments.of("1.2.3", MoneyUnit.WAN_YUAN, "amount '1.2.3' is not a number"),
                Arguments.of("1,20", MoneyUnit.YUAN, "amount '1,20' is not a number"),
                Arguments.of("壹万伍仟元", MoneyUnit.YUAN, "amount '壹万伍仟元' is not a number"),
                Arguments.of("1.5美元", MoneyUnit.YUAN, "amount '1.5美元' is not a number"),
                Arguments.of(Double.NaN, MoneyUnit.YUAN, "amount 'NaN' is not a finite number"),
                Arguments.of(Double.POSITIVE_INFINITY, MoneyUnit.YUAN, "amount 'Infinity' is not a finite number"),
                Arguments.of(Boolean.TRUE, MoneyUnit.YUAN, "amount 'true' of type java.lang.Boolean is not a number"),
                Arguments.of("1.5", null, "no unit declared for amount '1.5'"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejectsWithClearMessages(Object raw, MoneyUnit unit, String message) {
        assertThatThrownBy(() -> Monies.parse(raw, unit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void missingAmountIsNull() {
        assertThat(Monies.parse(null, MoneyUnit.WAN_YUAN)).isNull();
        assertThat(Monies.parse("  ", MoneyUnit.WAN_YUAN)).isNull();
    }
}
