package org.onex.hub.it;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;

import org.onex.hub.demo.SyntheticData;
import org.onex.hub.schema.HubDates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A department licensing database in the 双公示 XK_* layout (what mappings/scjgj/licences.yaml reads),
 * played by the test as the department's own application would.
 */
public final class LicenceSource {

    private static final String COLUMNS = "ID BIGINT PRIMARY KEY, XK_XDR_MC VARCHAR(200), XK_XDR_LB VARCHAR(2),"
            + " XK_XDR_SHXYM VARCHAR(32), XK_XDR_ZJHM VARCHAR(32), XK_FRDB VARCHAR(50), XK_FR_ZJLX VARCHAR(8),"
            + " XK_FR_ZJHM VARCHAR(32), XK_XKWS VARCHAR(200),"
            + " XK_WSH VARCHAR(100), XK_XKLB VARCHAR(2), XK_XKZS VARCHAR(200), XK_XKBH VARCHAR(100),"
            + " XK_NR VARCHAR(1000), XK_JDRQ DATE, XK_YXQZ DATE, XK_YXQZI DATE, XK_XKJG VARCHAR(200),"
            + " XK_XKJGDM VARCHAR(32), XK_ZT VARCHAR(2), UPDATED_AT ";

    private final JdbcTemplate jdbc;
    private final Random random = new Random(7);

    private LicenceSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static LicenceSource postgres(String url) {
        LicenceSource s = new LicenceSource(new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true)));
        s.jdbc.execute("CREATE TABLE xk_licence (" + COLUMNS + "TIMESTAMP(3) NOT NULL)");
        return s;
    }

    public static LicenceSource mariaDb(String url) {
        LicenceSource s = new LicenceSource(new JdbcTemplate(new SingleConnectionDataSource(url, "root", "", true)));
        s.jdbc.execute("CREATE TABLE xk_licence (" + COLUMNS + "DATETIME(3) NOT NULL)");
        return s;
    }

    /** Department wall clock (Asia/Shanghai), as department systems record it. */
    public static LocalDateTime now() {
        return LocalDateTime.now(HubDates.ZONE);
    }

    public void insert(long id, String documentNumber, String creditCode, LocalDateTime updatedAt) {
        LocalDate decided = updatedAt.toLocalDate().minusDays(3);
        jdbc.update("INSERT INTO xk_licence (ID, XK_XDR_MC, XK_XDR_LB, XK_XDR_SHXYM, XK_FRDB, XK_XKWS, XK_WSH, XK_XKLB,"
                + " XK_XKZS, XK_XKBH, XK_NR, XK_JDRQ, XK_YXQZ, XK_YXQZI, XK_XKJG, XK_ZT, UPDATED_AT)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", id, SyntheticData.companyName(random), "02",
                creditCode, SyntheticData.personName(random), "食品经营许可准予许可决定书", documentNumber, "01",
                "食品经营许可证", "JY" + id, "准予食品经营许可", decided, decided, LocalDate.of(2099, 12, 31),
                "武义县市场监督管理局", "1", Timestamp.valueOf(updatedAt));
    }

    public String validCreditCode() {
        return SyntheticData.creditCode(random);
    }

    public String brokenCreditCode() {
        return SyntheticData.brokenCreditCode(random);
    }

    public void updateContent(long id, String content, LocalDateTime updatedAt) {
        jdbc.update("UPDATE xk_licence SET XK_NR = ?, UPDATED_AT = ? WHERE ID = ?", content,
                Timestamp.valueOf(updatedAt), id);
    }

    public void revoke(long id, LocalDateTime updatedAt) {
        jdbc.update("UPDATE xk_licence SET XK_ZT = '2', UPDATED_AT = ? WHERE ID = ?", Timestamp.valueOf(updatedAt), id);
    }
}
