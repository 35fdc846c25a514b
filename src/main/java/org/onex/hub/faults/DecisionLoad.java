package org.onex.hub.faults;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.onex.hub.demo.SyntheticData;
import org.onex.hub.schema.HubDates;

/**
 * The bureau's case system committing penalty decisions ({@code cf_penalty}) under the matter code of
 * 交通运输局 (config/matters.yaml 330723-ZHZF-JTYS-001), so that the hub reads each one with {@code jdbc-source}
 * zhzf/penalties and delivers it to that department's REST inbox (R-PENALTY-FEEDBACK). A committed decision is
 * acknowledged; the inbox must receive it in the end, under one delivery.
 */
final class DecisionLoad extends Load {

    static final String MATTER = "330723-ZHZF-JTYS-001";

    private final DepartmentSource source;
    private final Random random;
    private long nextId;
    private Connection connection;
    private PreparedStatement insert;

    DecisionLoad(DepartmentSource source, long seed) {
        this.source = source;
        this.random = new Random(seed);
    }

    @Override
    String scenario() {
        return "delivery";
    }

    @Override
    String department() {
        return "zhzf";
    }

    @Override
    String feed() {
        return "penalties";
    }

    @Override
    long periodMillis() {
        return 700;
    }

    @Override
    void step() throws SQLException {
        if (connection == null) {
            connection = source.connect();
            insert = connection.prepareStatement("INSERT INTO cf_penalty (ID, CF_WSH, CF_XDR_MC, CF_XDR_LB,"
                    + " CF_XDR_SHXYM, CF_WFXW, CF_SY, CF_YJ, CF_CFLB, CF_NR, CF_NR_FK, CF_JDRQ, CF_CFJG, CF_ZT, SXBM,"
                    + " UPDATED_AT) VALUES (?,?,?,'02',?,?,?,?,'21',?,?,?,?,'1',?,?)");
        }
        long id = ++nextId;
        LocalDate decided = LocalDate.now(HubDates.ZONE).minusDays(random.nextInt(5));
        String number = String.format("武综执罚决字〔%d〕第F%06d号", decided.getYear(), id);
        BigDecimal fine = BigDecimal.valueOf(30 + 10L * random.nextInt(8), 2);
        insert.setLong(1, id);
        insert.setString(2, number);
        insert.setString(3, SyntheticData.companyName(random));
        insert.setString(4, SyntheticData.creditCode(random));
        insert.setString(5, "未经许可从事道路货物运输经营");
        insert.setString(6, "当事人未取得道路运输经营许可，擅自从事道路普通货物运输经营");
        insert.setString(7, "《中华人民共和国道路运输条例》第六十三条");
        insert.setString(8, "罚款人民币" + fine.toPlainString() + "万元");
        insert.setBigDecimal(9, fine);
        insert.setObject(10, decided);
        insert.setString(11, "武义县综合行政执法局");
        insert.setString(12, MATTER);
        insert.setObject(13, LocalDateTime.now(HubDates.ZONE).truncatedTo(ChronoUnit.MILLIS));
        insert.executeUpdate();
        acknowledge(number, 0);
    }
}
