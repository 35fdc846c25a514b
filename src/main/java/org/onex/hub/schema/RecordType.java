package org.onex.hub.schema;

/** Record types of schema v1, each in exactly one category of R-CATEGORIES. */
public enum RecordType {
    RULE_STANDARD(Category.C1, "规则标准"),
    DISCRETION_STANDARD(Category.C1, "自由裁量权标准"),
    ENFORCEMENT_NEWS(Category.C1, "执法动态"),
    LICENCE(Category.C2, "行政许可"),
    FILING(Category.C2, "行政备案"),
    CONFIRMATION(Category.C2, "行政确认"),
    APPROVAL(Category.C2, "行政审批"),
    PENALTY_DECISION(Category.C3, "行政处罚决定"),
    COERCIVE_MEASURE(Category.C3, "行政强制措施"),
    EXECUTION_STATUS(Category.C3, "执行情况"),
    STATISTIC(Category.C4, "统计分析数据"),
    INSPECTION_RECORD(Category.C5, "监督检查记录"),
    BRIEFING(Category.C5, "执法工作简报"),
    CAMERA(Category.C6, "视频监控点位"),
    CASE_TRANSFER(Category.C7, "案件移送"),
    /** A suspected crime transferred to public security (R-JUDICIAL, 涉嫌犯罪案件移送). */
    JUDICIAL_TRANSFER(Category.C7, "涉嫌犯罪案件移送"),
    ASSISTANCE_REQUEST(Category.C7, "协助请求"),
    /** R-JOINT-SPECIAL: an application to the leadership-group office for a special joint action. */
    JOINT_APPLICATION(Category.C7, "专项联合执法申请"),
    OTHER(Category.C7, "其他");

    private final Category category;
    private final String zh;

    RecordType(Category category, String zh) {
        this.category = category;
        this.zh = zh;
    }

    public Category category() {
        return category;
    }

    public String zh() {
        return zh;
    }
}
