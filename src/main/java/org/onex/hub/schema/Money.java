package org.onex.hub.schema;

import java.math.BigDecimal;

/** An amount with an explicit unit; 双公示 amounts (CF_NR_FK, CF_NR_WFFF) are in 万元. */
public record Money(BigDecimal amount, MoneyUnit unit) {

    public enum MoneyUnit {
        YUAN("元", BigDecimal.ONE), WAN_YUAN("万元", BigDecimal.valueOf(10_000));

        private final String zh;
        private final BigDecimal yuan;

        MoneyUnit(String zh, BigDecimal yuan) {
            this.zh = zh;
            this.yuan = yuan;
        }

        public String zh() {
            return zh;
        }

        public BigDecimal yuan() {
            return yuan;
        }
    }

    public BigDecimal inYuan() {
        return amount.multiply(unit.yuan());
    }
}
