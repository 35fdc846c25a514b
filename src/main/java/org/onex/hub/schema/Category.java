package org.onex.hub.schema;

/** The seven categories of shared information (R-CATEGORIES). */
public enum Category {
    C1("规则标准", "Rules and standards"),
    C2("部门决定", "Department decisions"),
    C3("执法局决定", "Bureau decisions"),
    C4("统计数据", "Statistics"),
    C5("监管动态", "Supervision dynamics"),
    C6("视频监控", "Surveillance"),
    C7("其他", "Other enforcement information");

    private final String zh;
    private final String en;

    Category(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
