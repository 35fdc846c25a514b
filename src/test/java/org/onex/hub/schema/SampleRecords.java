package org.onex.hub.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic envelopes for tests: a market-supervision food licence (XK_*), a bureau penalty on an individual
 * business (CF_*, fine in 万元), a penalty on a natural person and a statistics record without subject. Names
 * of companies and people are invented; credit codes and ID numbers carry correct check characters.
 */
final class SampleRecords {

    static final String COMPANY_CODE = "91330723MA2HQ8B77W";
    static final String SHOP_CODE = "92330723MA2J1K4N1Y";
    static final String MARKET_BUREAU_CODE = "11330723002584716A";
    static final String ENFORCEMENT_BUREAU_CODE = "11330723002584636N";
    static final String PERSON_ID = "330723199001011239";

    private SampleRecords() {
    }

    static HubRecord licence() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("XK_XDR_MC", "武义县溪里食品有限公司");
        body.put("XK_XDR_LB", "02");
        body.put("XK_XDR_SHXYM", COMPANY_CODE);
        body.put("XK_FRDB", "李某");
        body.put("XK_XKWS", "食品经营许可决定书");
        body.put("XK_WSH", "武市监食许〔2024〕0123号");
        body.put("XK_XKLB", "01");
        body.put("XK_XKZS", "食品经营许可证");
        body.put("XK_XKBH", "JY13307230012345");
        body.put("XK_NR", "预包装食品销售（含冷藏冷冻食品）");
        body.put("XK_JDRQ", "2024-03-05");
        body.put("XK_YXQZ", "2024-03-05");
        body.put("XK_YXQZI", "2029-03-04");
        body.put("XK_XKJG", "武义县市场监督管理局");
        body.put("XK_XKJGDM", MARKET_BUREAU_CODE);
        body.put("XK_ZT", "1");
        return new HubRecord(Identity.source("SCJG", "scjg-licences", "食品经营许可系统", "XK-2024-0123"),
                Category.C2, RecordType.LICENCE, RecordStatus.VALID, false,
                new Subject("武义县溪里食品有限公司", SubjectKind.LEGAL_PERSON, COMPANY_CODE, null, "李某"),
                new Document("武市监食许〔2024〕0123号", "食品经营许可决定书", LocalDate.of(2024, 3, 5),
                        LocalDate.of(2024, 3, 5), LocalDate.of(2029, 3, 4), "武义县市场监督管理局", MARKET_BUREAU_CODE,
                        "330723-XK-0001"),
                new Times(Instant.parse("2024-03-05T02:20:30Z"), Instant.parse("2024-03-05T08:00:00Z"),
                        Instant.parse("2024-03-05T08:05:00Z"), null, null, null),
                body, List.of());
    }

    static HubRecord penalty() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CF_XDR_MC", "武义县熟溪便利店");
        body.put("CF_XDR_LB", "04");
        body.put("CF_XDR_SHXYM", SHOP_CODE);
        body.put("CF_WSH", "武综执罚决字〔2024〕第0456号");
        body.put("CF_WFXW", "未经许可擅自设置户外广告");
        body.put("CF_SY", "当事人未经许可在临街墙面设置户外广告牌一块。");
        body.put("CF_YJ", "《浙江省城市市容和环境卫生管理条例》");
        body.put("CF_CFLB", "罚款");
        body.put("CF_NR", "罚款人民币壹万伍仟元整");
        body.put("CF_NR_FK", new Money(new BigDecimal("1.5"), Money.MoneyUnit.WAN_YUAN));
        body.put("CF_NR_WFFF", new Money(BigDecimal.ZERO, Money.MoneyUnit.WAN_YUAN));
        body.put("CF_JDRQ", "2024-04-10");
        body.put("CF_GSJZQ", "2025-04-10");
        body.put("CF_CFJG", "武义县综合行政执法局");
        body.put("CF_CFJGDM", ENFORCEMENT_BUREAU_CODE);
        return new HubRecord(Identity.source("ZHZF", "zhzf-penalties", "执法办案系统", "CF-2024-0456"),
                Category.C3, RecordType.PENALTY_DECISION, RecordStatus.VALID, false,
                new Subject("武义县熟溪便利店", SubjectKind.INDIVIDUAL_BUSINESS, SHOP_CODE, null, "王某"),
                new Document("武综执罚决字〔2024〕第0456号", "行政处罚决定书", LocalDate.of(2024, 4, 10), null,
                        LocalDate.of(2025, 4, 10), "武义县综合行政执法局", ENFORCEMENT_BUREAU_CODE, null),
                new Times(Instant.parse("2024-04-10T01:30:00Z"), null, Instant.parse("2024-04-10T03:00:00Z"), null,
                        null, null),
                body, List.of());
    }

    static HubRecord personPenalty() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CF_XDR_MC", "陈某");
        body.put("CF_XDR_LB", "01");
        body.put("CF_XDR_ZJLX", "身份证");
        body.put("CF_XDR_ZJHM", PERSON_ID);
        body.put("CF_WSH", "武综执罚决字〔2024〕第0789号");
        body.put("CF_WFXW", "占道经营");
        body.put("CF_CFLB", "罚款");
        body.put("CF_NR_FK", new Money(new BigDecimal("0.02"), Money.MoneyUnit.WAN_YUAN));
        body.put("CF_JDRQ", "2024-05-20");
        return new HubRecord(Identity.source("ZHZF", "zhzf-penalties", "执法办案系统", "CF-2024-0789"),
                Category.C3, RecordType.PENALTY_DECISION, RecordStatus.VALID, true,
                new Subject("陈某", SubjectKind.NATURAL_PERSON, null, PERSON_ID, null),
                new Document("武综执罚决字〔2024〕第0789号", "当场行政处罚决定书", LocalDate.of(2024, 5, 20), null,
                        null, "武义县综合行政执法局", ENFORCEMENT_BUREAU_CODE, null),
                new Times(Instant.parse("2024-05-20T06:45:00Z"), null, null, null, null, null),
                body, List.of());
    }

    static HubRecord statistic() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", "2024-Q1");
        body.put("cases", 37);
        body.put("fines", new Money(new BigDecimal("12.35"), Money.MoneyUnit.WAN_YUAN));
        return new HubRecord(Identity.source("ZHZF", "zhzf-stats", "统计报表", "STAT-2024-Q1"), Category.C4,
                RecordType.STATISTIC, RecordStatus.VALID, false, null, null, Times.empty(), body, List.of());
    }

    /** The record as the hub store holds it: identity with ids and hash, storedAt set. */
    static HubRecord stored(HubRecord r, long id) {
        return r.withIdentity(r.identity().stored(id, 1, id * 10, HubJson.contentHash(r)))
                .withTimes(r.times().withStoredAt(Instant.parse("2024-06-01T00:00:00Z")));
    }

    static List<HubRecord> all() {
        return List.of(licence(), penalty(), personPenalty(), statistic());
    }
}
