package org.onex.hub.exchange;

/** What an attachment is to its exchange (R-TRANSFER-MATERIALS names the materials of a transfer). */
public enum Material {
    /** 涉嫌违法案件移送函: the transfer letter. */
    TRANSFER_LETTER("移送函"),
    /** 案源材料: on-site inspection records, complaints and reports. */
    CASE_SOURCE("案源材料"),
    /** 初步证据: the violator's basic information, the licence situation, the investigation so far. */
    PRELIMINARY_EVIDENCE("初步证据材料"),
    /** 移送理由: why the case is transferred. */
    TRANSFER_REASONS("移送理由"),
    /** 其他证据: any other evidence. */
    OTHER_EVIDENCE("其他证据材料"),
    /** 协助函: the bureau's letter asking for assistance. */
    REQUEST_LETTER("协助函"),
    /** 书面答复: the written reply to an assistance request, with its determination, appraisal or opinion. */
    REPLY_LETTER("书面答复"),
    /** 受理、退回或异议文书: the receiver's document accepting, returning or disputing a transfer. */
    ANSWER_DOCUMENT("答复文书"),
    /** 联合执法方案: the plan of a joint action (scope, units, action day). */
    JOINT_PLAN("联合执法方案"),
    /** 现场移交记录: the record of a hand-over on the scene (R-JOINT-HANDOVER). */
    HANDOVER_RECORD("现场移交记录"),
    /** 司法局决定书: the Justice Bureau's decision on a jurisdiction dispute. */
    DECISION_DOCUMENT("管辖争议决定");

    private final String zh;

    Material(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
