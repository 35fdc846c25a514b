package org.onex.hub.demo;

import java.time.LocalDate;
import java.util.Random;
import javax.sql.DataSource;

import org.onex.hub.schema.HubDates;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The two demo department systems: Market Supervision's licensing database (双公示 XK_* columns) and
 * Natural Resources' approval database (its own column names, dates written as 2024年3月5日). This
 * class plays the departments' own applications, so it writes with its own connections; the hub
 * reads the same databases through its read-only pools.
 */
public class DemoDepartments {

    private static final String LICENCE_DDL = "CREATE TABLE IF NOT EXISTS xk_licence (ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " XK_XDR_MC VARCHAR(200), XK_XDR_LB VARCHAR(2), XK_XDR_SHXYM VARCHAR(32), XK_XDR_ZJHM VARCHAR(32),"
            + " XK_FRDB VARCHAR(50), XK_FR_ZJLX VARCHAR(3), XK_FR_ZJHM VARCHAR(32), XK_XKWS VARCHAR(200), XK_WSH VARCHAR(100), XK_XKLB VARCHAR(2), XK_XKZS VARCHAR(200),"
            + " XK_XKBH VARCHAR(100), XK_NR VARCHAR(1000), XK_JDRQ DATE, XK_YXQZ DATE, XK_YXQZI DATE, XK_XKJG VARCHAR(200),"
            + " XK_XKJGDM VARCHAR(32), XK_ZT VARCHAR(2), UPDATED_AT TIMESTAMP(3) NOT NULL)";
    private static final String APPROVAL_DDL = "CREATE TABLE IF NOT EXISTS tdsp (ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " SPWH VARCHAR(100), XMMC VARCHAR(200), SQDW VARCHAR(200), SQDWDM VARCHAR(32), FDDBR VARCHAR(50),"
            + " SPLX VARCHAR(4), PZRQ VARCHAR(20), PZJG VARCHAR(200), JJBZ CHAR(1), ZT VARCHAR(4),"
            + " GXSJ TIMESTAMP(3) NOT NULL)";
    private static final String[] LICENCES = { "食品经营许可证", "药品经营许可证", "特种设备使用登记证", "工业产品生产许可证" };
    private static final String[] PROJECTS = { "温泉度假区配套道路", "壶山街道安置小区", "熟溪两岸绿道", "经济开发区标准厂房",
            "白洋街道农贸市场", "柳城畲族镇游客中心" };

    private final JdbcTemplate scjgj;
    private final JdbcTemplate zrzyj;
    private final String marketAuthorityCode;

    public DemoDepartments(Environment env) {
        this.scjgj = new JdbcTemplate(writer(env, "scjgj-db"));
        this.zrzyj = new JdbcTemplate(writer(env, "zrzyj-db"));
        Random fixed = new Random(330723);
        this.marketAuthorityCode = SyntheticData.authorityCode(fixed);
    }

    private static DataSource writer(Environment env, String name) {
        return new DriverManagerDataSource(env.getRequiredProperty("hub.datasources." + name + ".url"),
                env.getProperty("hub.datasources." + name + ".username", "sa"),
                env.getProperty("hub.datasources." + name + ".password", ""));
    }

    /** Creates the tables and the first rows (a fixed seed, so every newcomer sees the same start). */
    public void seed() {
        scjgj.execute(LICENCE_DDL);
        zrzyj.execute(APPROVAL_DDL);
        Integer existing = scjgj.queryForObject("SELECT COUNT(*) FROM xk_licence", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        Random r = new Random(20210222);
        for (int i = 0; i < 25; i++) {
            insertLicence(r, i % 9 == 4);
            insertApproval(r, i % 11 == 5);
        }
    }

    /** One step of the live generator: new rows, updates and, now and then, a broken row. */
    public void tick(Random r) {
        if (r.nextInt(10) < 7) {
            insertLicence(r, r.nextInt(12) == 0);
        } else {
            scjgj.update("UPDATE xk_licence SET XK_NR = ?, XK_ZT = ?, UPDATED_AT = ? WHERE ID = "
                    + "(SELECT ID FROM xk_licence ORDER BY RAND() LIMIT 1)", "变更经营范围：" + SyntheticData.pick(r, LICENCES),
                    r.nextInt(6) == 0 ? "2" : "1", now());
        }
        if (r.nextInt(10) < 4) {
            insertApproval(r, r.nextInt(12) == 0);
        }
    }

    private void insertLicence(Random r, boolean broken) {
        Long n = scjgj.queryForObject("SELECT COALESCE(MAX(ID), 0) + 1 FROM xk_licence", Long.class);
        LocalDate decided = LocalDate.now(HubDates.ZONE).minusDays(r.nextInt(25));
        String licence = SyntheticData.pick(r, LICENCES);
        String creditCode = broken && r.nextBoolean() ? SyntheticData.brokenCreditCode(r) : SyntheticData.creditCode(r);
        String kind = broken && creditCode.length() == 18 && SyntheticData.pick(r, new String[] { "a", "b" }).equals("a")
                ? "09" : "0" + (1 + r.nextInt(5));
        // the legal representative's ID number from its own seed, so the demo's other values stay as they were;
        // always valid: the demo's broken rows are broken elsewhere
        String representativeId = SyntheticData.idNumber(new Random(n * 31 + 7));
        scjgj.update("INSERT INTO xk_licence (XK_XDR_MC, XK_XDR_LB, XK_XDR_SHXYM, XK_FRDB, XK_FR_ZJLX, XK_FR_ZJHM,"
                + " XK_XKWS, XK_WSH, XK_XKLB,"
                + " XK_XKZS, XK_XKBH, XK_NR, XK_JDRQ, XK_YXQZ, XK_YXQZI, XK_XKJG, XK_XKJGDM, XK_ZT, UPDATED_AT)"
                + " VALUES (?,?,?,?,'001',?,?,?,?,?,?,?,?,?,?,?,?,'1',?)",
                SyntheticData.companyName(r), "02", creditCode, SyntheticData.personName(r), representativeId,
                licence + "准予许可决定书",
                String.format("武市监许字〔%d〕第%05d号", decided.getYear(), n), kind, licence,
                String.format("JY1330723%08d", n), "准予" + licence, decided, decided,
                r.nextInt(4) == 0 ? LocalDate.of(2099, 12, 31) : decided.plusYears(5), "武义县市场监督管理局",
                marketAuthorityCode, now());
    }

    private void insertApproval(Random r, boolean broken) {
        Long n = zrzyj.queryForObject("SELECT COALESCE(MAX(ID), 0) + 1 FROM tdsp", Long.class);
        LocalDate decided = LocalDate.now(HubDates.ZONE).minusDays(r.nextInt(30));
        String date = broken ? decided.getYear() + "年13月" + decided.getDayOfMonth() + "日"
                : decided.getYear() + "年" + decided.getMonthValue() + "月" + decided.getDayOfMonth() + "日";
        zrzyj.update("INSERT INTO tdsp (SPWH, XMMC, SQDW, SQDWDM, FDDBR, SPLX, PZRQ, PZJG, JJBZ, ZT, GXSJ)"
                + " VALUES (?,?,?,?,?,?,?,?,?,'有效',?)", String.format("武自然资规〔%d〕%d号", decided.getYear(), n),
                SyntheticData.pick(r, PROJECTS), SyntheticData.companyName(r), SyntheticData.creditCode(r),
                SyntheticData.personName(r), SyntheticData.pick(r, new String[] { "YD", "GH", "KC" }), date,
                "武义县自然资源和规划局", r.nextInt(8) == 0 ? "1" : "0", now());
    }

    /** Department systems write their local wall-clock time (Asia/Shanghai). */
    private static java.time.LocalDateTime now() {
        return java.time.LocalDateTime.now(HubDates.ZONE);
    }
}
