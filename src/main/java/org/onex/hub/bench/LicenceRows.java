package org.onex.hub.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;

import org.onex.hub.demo.SyntheticData;
import org.onex.hub.schema.HubDates;

/**
 * Synthetic Market Supervision licences in the 双公示 XK_* layout that {@code mappings/scjgj/licences.yaml}
 * reads: valid GB 32100 credit codes, Chinese names, decision dates of the last three years, licence
 * kinds 01–06 and a unique document number (XK_WSH) per row. One fixed-seed generator feeds both the
 * bulk seed and the live rows of the latency phase, so every run sees the same values.
 */
public final class LicenceRows {

    /** Source table DDL (PostgreSQL), with the (UPDATED_AT, ID) index a polled department table needs. */
    public static final String DDL = ddl("xk_licence");

    /** {@link #DDL} for a table of another name (the departments scenario gives each department its own). */
    public static String ddl(String table) {
        return "CREATE TABLE " + table + " (ID BIGINT PRIMARY KEY, XK_XDR_MC VARCHAR(200),"
            + " XK_XDR_LB VARCHAR(2), XK_XDR_SHXYM VARCHAR(32), XK_XDR_ZJHM VARCHAR(32), XK_FRDB VARCHAR(50),"
            + " XK_XKWS VARCHAR(200), XK_WSH VARCHAR(100) NOT NULL UNIQUE, XK_XKLB VARCHAR(2), XK_XKZS VARCHAR(200),"
            + " XK_XKBH VARCHAR(100), XK_NR VARCHAR(1000), XK_JDRQ DATE, XK_YXQZ DATE, XK_YXQZI DATE,"
            + " XK_XKJG VARCHAR(200), XK_XKJGDM VARCHAR(32), XK_ZT VARCHAR(2), UPDATED_AT TIMESTAMP(3) NOT NULL);"
            + " CREATE INDEX ix_" + table + "_cursor ON " + table + " (UPDATED_AT, ID)";
    }

    /** Column order of {@link #next}. */
    public static final String[] COLUMNS = { "ID", "XK_XDR_MC", "XK_XDR_LB", "XK_XDR_SHXYM", "XK_XDR_ZJHM", "XK_FRDB",
            "XK_XKWS", "XK_WSH", "XK_XKLB", "XK_XKZS", "XK_XKBH", "XK_NR", "XK_JDRQ", "XK_YXQZ", "XK_YXQZI", "XK_XKJG",
            "XK_XKJGDM", "XK_ZT", "UPDATED_AT" };

    /** Index of UPDATED_AT in a row. */
    static final int UPDATED_AT = COLUMNS.length - 1;

    private static final String AUTHORITY = "武义县市场监督管理局";
    private static final String[] LICENCES = { "食品经营许可证", "药品经营许可证", "特种设备使用登记证", "工业产品生产许可证",
            "医疗器械经营许可证", "食品生产许可证" };
    private static final String[] SCOPES = { "预包装食品销售", "热食类食品制售", "保健食品销售", "第二类医疗器械零售",
            "压力容器使用", "电动工具生产", "茶叶加工", "餐饮服务" };
    private static final LocalDate LONG_TERM = LocalDate.of(2099, 12, 31);

    private final Random random;
    private final String authorityCode;
    private final LocalDate today = LocalDate.now(HubDates.ZONE);

    public LicenceRows(long seed) {
        this.random = new Random(seed);
        this.authorityCode = SyntheticData.authorityCode(new Random(330723));
    }

    /** Milliseconds to add to the previous row's UPDATED_AT: 0–999, so some rows share a timestamp. */
    int nextGapMillis() {
        return random.nextInt(1000);
    }

    /** The row with the given id (also its document serial number) and update time. */
    public Object[] next(long id, LocalDateTime updatedAt) {
        Random r = random;
        LocalDate decided = today.minusDays(1 + r.nextInt(3 * 365));
        String licence = LICENCES[r.nextInt(LICENCES.length)];
        String scope = SCOPES[r.nextInt(SCOPES.length)];
        LocalDate validTo = r.nextInt(4) == 0 ? LONG_TERM : decided.plusYears(5).minusDays(1);
        String kind = "0" + (1 + r.nextInt(6));
        return new Object[] { id, SyntheticData.companyName(r), "02", SyntheticData.creditCode(r), null,
                SyntheticData.personName(r), licence + "准予许可决定书",
                String.format("武市监许字〔%d〕第%07d号", decided.getYear(), id), kind, licence,
                String.format("JY1330723%08d", id), "准予" + licence + "，许可范围：" + scope, decided, decided, validTo,
                AUTHORITY, authorityCode, r.nextInt(20) == 0 ? "2" : "1", updatedAt };
    }

    /** The document number of a row made by {@link #next}. */
    public static String documentNumber(Object[] row) {
        return (String) row[7];
    }

    /** One row in PostgreSQL COPY text format (tab separated, \N for null, newline terminated). */
    static void appendCopyLine(StringBuilder out, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = row[i];
            if (v == null) {
                out.append("\\N");
                continue;
            }
            String s = v.toString();
            for (int c = 0; c < s.length(); c++) {
                char ch = s.charAt(c);
                switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }
}
