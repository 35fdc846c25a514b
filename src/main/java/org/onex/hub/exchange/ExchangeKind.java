package org.onex.hub.exchange;

import java.util.List;

import org.onex.hub.schema.RecordType;

/** The kinds of exchange, each with the record type of its C7 record and the materials it must carry. */
public enum ExchangeKind {
    /**
     * 案件移送: a case found outside the finder's powers goes to the competent unit, both ways between the bureau
     * and the departments (R-TRANSFER-MUTUAL); the materials of R-TRANSFER-MATERIALS are required.
     */
    CASE_TRANSFER(RecordType.CASE_TRANSFER, "案件移送", "YS", List.of(Material.TRANSFER_LETTER, Material.CASE_SOURCE,
            Material.PRELIMINARY_EVIDENCE, Material.TRANSFER_REASONS)),
    /** 涉嫌犯罪案件移送: a suspected crime goes to public security the same way (R-JUDICIAL). */
    JUDICIAL_TRANSFER(RecordType.JUDICIAL_TRANSFER, "涉嫌犯罪案件移送", "SF", List.of(Material.TRANSFER_LETTER,
            Material.CASE_SOURCE, Material.PRELIMINARY_EVIDENCE, Material.TRANSFER_REASONS)),
    /**
     * 协助函: the bureau asks a department for a determination, an appraisal, an opinion or its archives
     * (R-ASSIST-REPLY, R-ARCHIVE-ACCESS); answered in writing within 5 working days of receipt.
     */
    ASSISTANCE_REQUEST(RecordType.ASSISTANCE_REQUEST, "协助函", "XZ", List.of(Material.REQUEST_LETTER)),
    /**
     * 专项联合执法申请: a unit applies to the leadership-group office with a plan at least 5 days before the action
     * day (R-JOINT-SPECIAL), or reports an emergency at once (R-JOINT-EMERGENCY); the office approves (the
     * applicant leads) or rejects it, the participating units are told, and their follow-up cases are linked to
     * the action (R-JOINT-SPLIT).
     */
    JOINT_APPLICATION(RecordType.JOINT_APPLICATION, "专项联合执法申请", "LH", List.of(Material.JOINT_PLAN));

    private final RecordType recordType;
    private final String zh;
    private final String prefix;
    private final List<Material> required;

    ExchangeKind(RecordType recordType, String zh, String prefix, List<Material> required) {
        this.recordType = recordType;
        this.zh = zh;
        this.prefix = prefix;
        this.required = required;
    }

    public RecordType recordType() {
        return recordType;
    }

    public String zh() {
        return zh;
    }

    /** The letters that start each exchange number of this kind (YS-2026-000001). */
    public String prefix() {
        return prefix;
    }

    /** The materials an exchange of this kind must carry when it is submitted. */
    public List<Material> required() {
        return required;
    }

    /** A transfer (to the competent unit, or to public security), answered by acceptance, return or dispute. */
    public boolean transfer() {
        return this == CASE_TRANSFER || this == JUDICIAL_TRANSFER;
    }
}
