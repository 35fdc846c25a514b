package org.onex.hub.schema;

/** Kind of the administrative counterpart (行政相对人类别, 双公示 XK_XDR_LB / CF_XDR_LB). */
public enum SubjectKind {
    NATURAL_PERSON("自然人"),
    LEGAL_PERSON("法人"),
    NON_LEGAL_PERSON_ORG("非法人组织"),
    INDIVIDUAL_BUSINESS("个体工商户");

    private final String zh;

    SubjectKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
