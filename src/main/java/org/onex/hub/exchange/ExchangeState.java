package org.onex.hub.exchange;

import java.util.Set;

/**
 * Where an exchange stands. A transfer is SUBMITTED, then ACCEPTED (受理), RETURNED (退回) or DISPUTED (管辖异议);
 * a dispute is DECIDED by the Justice Bureau (R-TRANSFER-BOUNDARY). An assistance request is SUBMITTED, then
 * REPLIED. A joint-enforcement application is SUBMITTED, then APPROVED (the participants' follow-up cases are linked
 * to it afterwards) or REJECTED. ACCEPTED, RETURNED, DECIDED, REPLIED and REJECTED are final.
 */
public enum ExchangeState {
    SUBMITTED("已发送"), ACCEPTED("已受理"), RETURNED("已退回"), DISPUTED("管辖异议"), DECIDED("已裁决"),
    REPLIED("已答复"), APPROVED("已批准"), REJECTED("未批准");

    private final String zh;

    ExchangeState(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** True once nothing more can happen to the exchange. */
    public boolean closed() {
        return Set.of(ACCEPTED, RETURNED, DECIDED, REPLIED, REJECTED).contains(this);
    }
}
