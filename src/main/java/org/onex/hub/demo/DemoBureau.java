package org.onex.hub.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.onex.hub.schema.CreditCodes;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.IdNumbers;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The bureau's case system (县综合行政执法局, zhzf) in the embedded default: penalty decisions in the
 * 双公示 CF_* layout ({@code cf_penalty}) and coercive measures with their execution status
 * ({@code qz_measure}), each with the case system's matter code SXBM and licence number XKBH. Most
 * decisions carry a code of config/matters.yaml. Some carry none but cite a licence of the market
 * supervision demo database, read from it so that credit code and licence number match a licence the
 * hub holds (the fallback route). Rarely one has a matter code the table lacks and no licence: the hub
 * must quarantine it as NO_COMPETENT_DEPARTMENT. Cooperation records ({@code xt_cooperation}, C7) exercise the
 * deadlines R-ASSIST-REPLY, R-TRANSFER-DEADLINE and R-JOINT-SPECIAL. Most of its length is the catalogue of case
 * kinds, which is data.
 */
public class DemoBureau {

    private static final String PENALTY_DDL = "CREATE TABLE IF NOT EXISTS cf_penalty (ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " CF_WSH VARCHAR(100), CF_XDR_MC VARCHAR(200), CF_XDR_LB VARCHAR(2), CF_XDR_SHXYM VARCHAR(32),"
            + " CF_XDR_ZJHM VARCHAR(32), CF_FRDB VARCHAR(50), CF_FR_ZJLX VARCHAR(3), CF_FR_ZJHM VARCHAR(32), CF_WFXW VARCHAR(200), CF_SY VARCHAR(2000),"
            + " CF_YJ VARCHAR(1000), CF_CFLB VARCHAR(2), CF_NR VARCHAR(1000), CF_NR_FK DECIMAL(12,2),"
            + " CF_NR_WFFF DECIMAL(12,2), CF_NR_ZKDX VARCHAR(200), CF_JDRQ DATE, CF_CFJG VARCHAR(200),"
            + " CF_CFJGDM VARCHAR(32), CF_ZT VARCHAR(2), SXBM VARCHAR(40), XKBH VARCHAR(100),"
            + " UPDATED_AT TIMESTAMP(3) NOT NULL)";
    private static final String MEASURE_DDL = "CREATE TABLE IF NOT EXISTS qz_measure (ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " QZ_WSH VARCHAR(100), QZ_XDR_MC VARCHAR(200), QZ_XDR_LB VARCHAR(2), QZ_XDR_SHXYM VARCHAR(32),"
            + " QZ_XDR_ZJHM VARCHAR(32), QZ_FRDB VARCHAR(50), QZ_CSLB VARCHAR(2), QZ_SY VARCHAR(2000),"
            + " QZ_YJ VARCHAR(1000), QZ_DX VARCHAR(500), QZ_JDRQ DATE, QZ_QSRQ DATE, QZ_JZRQ DATE, QZ_JG VARCHAR(200),"
            + " QZ_JGDM VARCHAR(32),"
            + " ZXZT VARCHAR(8), SXBM VARCHAR(40), XKBH VARCHAR(100), UPDATED_AT TIMESTAMP(3) NOT NULL)";
    /** LX: XZ assistance request, YS case transfer, LH joint-enforcement application; FSRQ letter/discovery date. */
    private static final String COOPERATION_DDL = "CREATE TABLE IF NOT EXISTS xt_cooperation (ID BIGINT AUTO_INCREMENT"
            + " PRIMARY KEY, WSH VARCHAR(100), LX VARCHAR(2), XDR_MC VARCHAR(200), XDR_LB VARCHAR(2),"
            + " XDR_SHXYM VARCHAR(32), FSRQ DATE, XDRQ DATE, JJBZ VARCHAR(1), BT VARCHAR(200), NR VARCHAR(1000),"
            + " JSDW VARCHAR(100), UPDATED_AT TIMESTAMP(3) NOT NULL)";
    /** Per LX: document-number prefix, title template (%s = subject) and content. */
    private static final Map<String, String[]> COOPERATION = Map.of(
            "XZ", new String[] { "武综执协函", "关于商请对%s涉案物品进行认定的函", "请依职责对涉案物品出具书面认定意见" },
            "YS", new String[] { "武综执移", "关于%s涉嫌违法案件的移送函", "附案源材料、现场检查笔录及初步证据材料" },
            "LH", new String[] { "武综执联申", "关于对%s开展专项联合执法的申请", "附专项联合执法方案" });
    private static final String[] ADDRESSEES = { "县市场监管局", "县自然资源和规划局", "县交通运输局", "县水务局" };
    private static final String AUTHORITY = "武义县综合行政执法局";
    /** City-appearance matters the county has not put in config/matters.yaml: no competent department. */
    private static final Matter UNKNOWN = new Matter("330723-ZHZF-CSGL-007", "擅自设置大型户外广告",
            "未经批准在建筑物外立面设置大型户外广告", "《城市市容和环境卫生管理条例》", "21", 5, 20, false, true, null, null);
    /** A case about a licence of scjgj: no matter code, routed by the licence it cites. */
    private static final Matter BY_LICENCE = new Matter(null, "超越许可范围从事经营活动", "载明的许可范围从事经营活动",
            "《中华人民共和国行政许可法》第八十条第（二）项", "21", 10, 200, false, false, "03",
            "超出许可范围经营的商品一批");
    /** Kinds of case under the matter codes of config/matters.yaml; fines in hundredths of 万元. */
    private static final Matter[] MATTERS = {
        new Matter("330723-ZHZF-SCJG-001", "经营超过保质期的食品", "在经营场所销售超过保质期的预包装食品",
                "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项", "21", 500, 1000, true, false, "03",
                "超过保质期的预包装食品一批"),
        new Matter("330723-ZHZF-SCJG-002", "从事无照经营", "未依法取得营业执照从事经营活动", "《无证无照经营查处办法》第十三条",
                "21", 10, 100, true, true, null, null),
        new Matter("330723-ZHZF-STHJ-001", "餐饮油烟未经净化直接排放", "经营的餐饮店未安装油烟净化设施，油烟直接排放",
                "《中华人民共和国大气污染防治法》第一百一十八条第一款", "21", 50, 500, false, false, null, null),
        new Matter("330723-ZHZF-STHJ-002", "夜间违规进行建筑施工作业",
                "未取得夜间施工证明，在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业",
                "《中华人民共和国噪声污染防治法》第七十七条", "21", 100, 1000, false, false, null, null),
        new Matter("330723-ZHZF-JTYS-001", "未经许可从事道路货物运输经营", "未取得道路运输经营许可，擅自从事道路普通货物运输经营",
                "《中华人民共和国道路运输条例》第六十三条", "21", 30, 100, false, true, "03", "从事非法营运的货车一辆"),
        new Matter("330723-ZHZF-JTYS-002", "擅自挖掘公路", "未经许可擅自挖掘公路埋设管线",
                "《中华人民共和国公路法》第七十六条第（一）项", "21", 10, 300, false, true, null, null),
        new Matter("330723-ZHZF-ZRZY-001", "非法占用土地", "未经批准占用集体土地建设厂房",
                "《中华人民共和国土地管理法》第七十七条第一款", "21", 20, 300, false, false, null, null),
        new Matter("330723-ZHZF-ZRZY-002", "未取得采矿许可证擅自采矿", "未取得采矿许可证擅自开采建筑用石料",
                "《中华人民共和国矿产资源法》", "22", 10, 200, true, true, "02", "采矿设备及作业场所"),
        new Matter("330723-ZHZF-JSGL-001", "未取得施工许可证擅自施工", "未取得建筑工程施工许可证擅自开工建设",
                "《建设工程质量管理条例》第五十七条", "21", 50, 400, false, false, "02", "施工现场"),
        new Matter("330723-ZHZF-SWGL-001", "河道管理范围内违法采砂", "未经批准在熟溪河道管理范围内采砂",
                "《中华人民共和国河道管理条例》第四十四条第（四）项", "22", 5, 50, true, true, "03", "采砂机具一套"),
    };
    private static final List<String> OPEN = List.of("未执行", "执行中");
    /** XK_XKLB codes of mappings/_codelists.yaml licence-kinds: rows with others are quarantined, not citable. */
    private static final Set<String> ACCEPTED_KINDS = Set.of("01", "02", "03", "04", "05", "06");

    private final JdbcTemplate bureau;
    private final JdbcTemplate market;
    private final String authorityCode;

    /** {@code scjgj-db} is read for licences to cite, so the market supervision demo must be seeded first. */
    public DemoBureau(Environment env) {
        this.bureau = new JdbcTemplate(connect(env, "zhzf-db"));
        this.market = new JdbcTemplate(connect(env, "scjgj-db"));
        this.authorityCode = SyntheticData.authorityCode(new Random(15));
    }

    private static DriverManagerDataSource connect(Environment env, String name) {
        return new DriverManagerDataSource(env.getRequiredProperty("hub.datasources." + name + ".url"),
                env.getProperty("hub.datasources." + name + ".username", "sa"),
                env.getProperty("hub.datasources." + name + ".password", ""));
    }

    /** Creates the tables and the first decisions (a fixed seed, and the fixed-seed licences of scjgj). */
    public void seed() {
        bureau.execute(PENALTY_DDL);
        bureau.execute(MEASURE_DDL);
        seedCooperation();
        Integer existing = bureau.queryForObject("SELECT COUNT(*) FROM cf_penalty", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        Random r = new Random(2021_0222_15L);
        List<Licence> licences = licences(null);
        for (int i = 0; i < 12; i++) {
            if (i == 9) {
                insertPenalty(r, UNKNOWN, null); // a decision the hub must quarantine from the start
            } else {
                Licence cited = i % 4 == 2 ? pick(r, licences) : null;
                insertPenalty(r, cited == null ? MATTERS[i % MATTERS.length] : BY_LICENCE, cited);
            }
        }
        for (int i = 0; i < 5; i++) {
            Licence cited = i == 3 ? pick(r, licences) : null;
            insertMeasure(r, cited == null ? coercible(r) : BY_LICENCE, cited);
        }
    }

    /** One step of the live generator: a decision now and then, execution progress, rarely an unroutable one. */
    public void tick(Random r) {
        int dice = r.nextInt(100);
        if (dice < 3) {
            insertPenalty(r, UNKNOWN, null);
        } else if (dice < 30) {
            // cite only licences the hub has surely read by now (scjgj is polled every few seconds)
            Licence cited = dice < 10 ? pick(r, licences(now().minusSeconds(30))) : null;
            insertPenalty(r, cited == null ? matter(r) : BY_LICENCE, cited);
        }
        if (r.nextInt(100) < 20) {
            advanceMeasure(r);
        }
        if (r.nextInt(100) < 5) {
            insertMeasure(r, coercible(r), null);
        }
        if (r.nextInt(100) < 2) {
            String lx = SyntheticData.pick(r, new String[] { "XZ", "YS", "YS", "LH" });
            insertCooperation(r, lx, r.nextInt(3), lx.equals("LH") ? 3 + r.nextInt(8) : null,
                    lx.equals("YS") && r.nextInt(4) == 0);
        }
    }

    /** Dates relative to today, so each start shows the same outcomes (fixed seed for the subjects). */
    private void seedCooperation() {
        bureau.execute(COOPERATION_DDL);
        Integer existing = bureau.queryForObject("SELECT COUNT(*) FROM xt_cooperation", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        Random r = new Random(2021_0222_07L);
        insertCooperation(r, "XZ", 6, null, false); // R-ASSIST-REPLY: 5 working days, due in the demo's days
        insertCooperation(r, "YS", 1, null, false); // R-TRANSFER-DEADLINE: recorded within 3 working days
        insertCooperation(r, "YS", 10, null, false); // found 10 days ago: recorded late
        insertCooperation(r, "YS", 1, null, true); // urgent: 24 hours from yesterday have passed, late
        insertCooperation(r, "LH", 0, 7, false); // R-JOINT-SPECIAL: filed 7 days before the action, in time
        insertCooperation(r, "LH", 0, 2, false); // filed 2 days before the action: late
    }

    /** A cooperation record dated {@code daysAgo}; a joint application's action is {@code actionIn} days later. */
    private void insertCooperation(Random r, String lx, int daysAgo, Integer actionIn, boolean urgent) {
        Long n = bureau.queryForObject("SELECT COALESCE(MAX(ID), 0) + 1 FROM xt_cooperation", Long.class);
        LocalDate sent = LocalDate.now(HubDates.ZONE).minusDays(daysAgo);
        String[] kind = COOPERATION.get(lx);
        String subject = SyntheticData.companyName(r);
        bureau.update("INSERT INTO xt_cooperation (WSH, LX, XDR_MC, XDR_LB, XDR_SHXYM, FSRQ, XDRQ, JJBZ, BT, NR, JSDW,"
                + " UPDATED_AT) VALUES (?,?,?,'02',?,?,?,?,?,?,?,?)",
                String.format("%s〔%d〕%d号", kind[0], sent.getYear(), n), lx, subject, SyntheticData.creditCode(r),
                sent, actionIn == null ? null : sent.plusDays(actionIn), urgent ? "1" : "0",
                String.format(kind[1], subject), kind[2],
                lx.equals("LH") ? "领导小组办公室" : SyntheticData.pick(r, ADDRESSEES), now());
    }

    private static Matter matter(Random r) {
        return MATTERS[r.nextInt(MATTERS.length)];
    }

    /** A kind of case that calls for a coercive measure (查封、扣押). */
    private static Matter coercible(Random r) {
        Matter m = matter(r);
        return m.coercion() == null ? coercible(r) : m;
    }

    /** A penalty of kind {@code m}; one that cites a licence names no matter code (BY_LICENCE). */
    private void insertPenalty(Random r, Matter m, Licence licence) {
        Long n = bureau.queryForObject("SELECT COALESCE(MAX(ID), 0) + 1 FROM cf_penalty", Long.class);
        LocalDate decided = LocalDate.now(HubDates.ZONE).minusDays(r.nextInt(20));
        Party p = licence != null ? licence.holder() : party(r, m.persons() && r.nextInt(3) == 0);
        String kind = licence == null ? m.kind() : SyntheticData.pick(r, new String[] { "11", "21", "21", "31", "33" });
        BigDecimal fine = kind.startsWith("2") ? fine(r, m.minFine(), m.maxFine()) : null;
        BigDecimal confiscated = m.confiscates() || kind.equals("22") ? fine(r, 1, 20) : null;
        String suspended = kind.startsWith("3") ? licence.title() + " " + licence.number() : null;
        String facts = licence == null ? m.facts()
                : "超出" + licence.title() + "（编号" + licence.number() + "）" + m.facts();
        // a legal representative's certificate from its own seed (the demo's other values stay as they were)
        String representativeId = p.representative() == null ? null : SyntheticData.idNumber(new Random(n * 31 + 7));
        bureau.update("INSERT INTO cf_penalty (CF_WSH, CF_XDR_MC, CF_XDR_LB, CF_XDR_SHXYM, CF_XDR_ZJHM, CF_FRDB,"
                + " CF_FR_ZJLX, CF_FR_ZJHM, CF_WFXW,"
                + " CF_SY, CF_YJ, CF_CFLB, CF_NR, CF_NR_FK, CF_NR_WFFF, CF_NR_ZKDX, CF_JDRQ, CF_CFJG, CF_CFJGDM, CF_ZT,"
                + " SXBM, XKBH, UPDATED_AT) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'1',?,?,?)",
                String.format("武综执罚决字〔%d〕第%05d号", decided.getYear(), n), p.name(), p.kind(), p.creditCode(),
                p.idNumber(), p.representative(), representativeId == null ? null : "001", representativeId,
                m.violation(), "当事人" + facts, m.basis(), kind,
                content(kind, fine, confiscated, suspended), fine, confiscated, suspended, decided, AUTHORITY,
                authorityCode, m.code(), licence == null ? null : licence.number(), now());
    }

    private void insertMeasure(Random r, Matter m, Licence licence) {
        Long n = bureau.queryForObject("SELECT COALESCE(MAX(ID), 0) + 1 FROM qz_measure", Long.class);
        LocalDate decided = LocalDate.now(HubDates.ZONE).minusDays(r.nextInt(10));
        Party p = licence != null ? licence.holder() : party(r, m.persons() && r.nextInt(3) == 0);
        bureau.update("INSERT INTO qz_measure (QZ_WSH, QZ_XDR_MC, QZ_XDR_LB, QZ_XDR_SHXYM, QZ_XDR_ZJHM, QZ_FRDB, QZ_CSLB,"
                + " QZ_SY, QZ_YJ, QZ_DX, QZ_JDRQ, QZ_QSRQ, QZ_JZRQ, QZ_JG, QZ_JGDM, ZXZT, SXBM, XKBH, UPDATED_AT)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                String.format("武综执强字〔%d〕第%05d号", decided.getYear(), n), p.name(), p.kind(), p.creditCode(),
                p.idNumber(), p.representative(), m.coercion(), "当事人涉嫌" + m.violation(),
                "《中华人民共和国行政强制法》第二十二条；" + m.basis(), m.seized(), decided, decided,
                decided.plusDays(30), AUTHORITY, authorityCode, OPEN.get(r.nextInt(OPEN.size())), m.code(),
                licence == null ? null : licence.number(), now());
    }

    /** Execution goes on: 未执行 → 执行中 → 已执行 or 已解除; each change is a new version in the hub. */
    private void advanceMeasure(Random r) {
        List<Long> open = bureau.queryForList("SELECT ID FROM qz_measure WHERE ZXZT IN ('未执行', '执行中') ORDER BY ID",
                Long.class);
        if (open.isEmpty()) {
            return;
        }
        bureau.update("UPDATE qz_measure SET ZXZT = CASE WHEN ZXZT = '未执行' THEN '执行中' ELSE ? END, UPDATED_AT = ?"
                + " WHERE ID = ?", r.nextBoolean() ? "已执行" : "已解除", now(), open.get(r.nextInt(open.size())));
    }

    /** Licences of the scjgj demo the hub accepted (valid credit code, known kind), updated before {@code before}. */
    private List<Licence> licences(LocalDateTime before) {
        Object[] args = before == null ? new Object[0] : new Object[] { before };
        List<Licence> all = market.query("SELECT XK_XDR_MC, XK_XDR_SHXYM, XK_FRDB, XK_XKZS, XK_XKBH, XK_XKLB"
                + " FROM xk_licence" + (before == null ? "" : " WHERE UPDATED_AT < ?") + " ORDER BY ID",
                (rs, i) -> new Licence(new Party(rs.getString(1), "02", rs.getString(2), null, rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6)), args);
        return all.stream().filter(l -> CreditCodes.isValid(l.holder().creditCode()) && ACCEPTED_KINDS.contains(l.kind()))
                .toList();
    }

    private static Party party(Random r, boolean person) {
        if (!person) {
            return new Party(SyntheticData.companyName(r), "02", SyntheticData.creditCode(r), null,
                    SyntheticData.personName(r));
        }
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(40 * 365));
        String first17 = "330723" + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", r.nextInt(1000));
        return new Party(SyntheticData.personName(r), "01", null, first17 + IdNumbers.checkCharacter(first17), null);
    }

    /** An amount in 万元 with two decimals, in steps of 0.10 (1,000 元). */
    private static BigDecimal fine(Random r, int minHundredths, int maxHundredths) {
        int steps = (maxHundredths - minHundredths) / 10 + 1;
        return BigDecimal.valueOf(minHundredths + 10L * r.nextInt(steps), 2);
    }

    private static String content(String kind, BigDecimal fine, BigDecimal confiscated, String suspended) {
        StringBuilder s = new StringBuilder(kind.equals("11") ? "警告" : "");
        if (fine != null) {
            s.append(s.isEmpty() ? "" : "；").append("罚款人民币").append(fine.toPlainString()).append("万元");
        }
        if (confiscated != null) {
            s.append(s.isEmpty() ? "" : "；").append("没收违法所得人民币").append(confiscated.toPlainString()).append("万元");
        }
        if (suspended != null) {
            s.append(s.isEmpty() ? "" : "；").append(kind.equals("31") ? "暂扣" : "吊销").append(suspended);
        }
        return s.toString();
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.isEmpty() ? null : values.get(r.nextInt(values.size()));
    }

    /** The case system writes its local wall-clock time (Asia/Shanghai), as the departments' systems do. */
    private static LocalDateTime now() {
        return LocalDateTime.now(HubDates.ZONE);
    }

    /** A kind of case: matter code, texts, penalty kind (penalty-kinds), fine range and the coercion it may need. */
    private record Matter(String code, String violation, String facts, String basis, String kind, int minFine,
            int maxFine, boolean confiscates, boolean persons, String coercion, String seized) {
    }

    /** The party of a decision: 01 natural person with ID number, or 02 legal person with credit code. */
    private record Party(String name, String kind, String creditCode, String idNumber, String representative) {
    }

    /** A market supervision licence the bureau's case concerns. */
    private record Licence(Party holder, String title, String number, String kind) {
    }
}
