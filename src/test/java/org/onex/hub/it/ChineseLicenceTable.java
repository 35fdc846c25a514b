package org.onex.hub.it;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A county licensing table whose table and column names are Chinese, as a department system nobody here wrote
 * names them (one column name with a space in it), in PostgreSQL (in a schema with a Chinese name) or MariaDB.
 * The mapping that reads it is {@link #MAPPING}.
 */
final class ChineseLicenceTable {

    /** mappings/scjgj/&lt;feed&gt;.yaml for this table's rows. */
    static final String MAPPING = """
            department: scjgj
            feed: %s
            category: C2
            recordType: LICENCE
            sourceSystem: 市场监管行政许可系统（县级部署）
            sourceKey: { column: 许可编号 }
            fields:
              subject.name:                { column: 行政相对人名称, required: true }
              subject.kind:                { column: 行政相对人类别, codes: subject-kinds, required: true }
              subject.creditCode:          { column: 统一社会信用代码 }
              subject.legalRepresentative: { column: 法定代表人 }
              document.number:             { column: 许可编号, required: true }
              document.title:              { column: 许可决定书名称 }
              document.decisionDate:       { column: 许可决定日期, required: true }
              document.validFrom:          { column: 有效期自 }
              document.validTo:            { column: 有效期至 }
              document.authority:          { column: 许可机关 }
              status:                      { column: 当前状态, codes: licence-status, default: "1" }
              times.sourceUpdatedAt:       { column: 更新时间 }
              body.XK_XKLB:                { column: 许可类别, codes: licence-kinds }
              body.XK_NR:                  { column: "许可内容 说明" }
            """;

    /** Column names and types, in the table's order; the update time's type is the database's own. */
    private static final String[][] COLUMNS = { { "许可编号", "VARCHAR(64) PRIMARY KEY" },
            { "行政相对人名称", "VARCHAR(200)" }, { "行政相对人类别", "VARCHAR(2)" }, { "统一社会信用代码", "VARCHAR(32)" },
            { "法定代表人", "VARCHAR(50)" }, { "许可决定书名称", "VARCHAR(200)" }, { "许可类别", "VARCHAR(2)" },
            { "许可内容 说明", "VARCHAR(1000)" }, { "许可决定日期", "DATE" }, { "有效期自", "DATE" }, { "有效期至", "DATE" },
            { "许可机关", "VARCHAR(200)" }, { "当前状态", "VARCHAR(2)" } };

    private final JdbcTemplate jdbc;
    private final String table;
    private final String q;

    private ChineseLicenceTable(JdbcTemplate jdbc, String table, String quote) {
        this.jdbc = jdbc;
        this.table = table;
        this.q = quote;
    }

    /** Table 许可库.许可信息 in PostgreSQL: schema and table Chinese, every name quoted as the department wrote it. */
    static ChineseLicenceTable postgres(String url) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
        jdbc.execute("CREATE SCHEMA \"许可库\"");
        jdbc.execute("CREATE TABLE \"许可库\".\"许可信息\" (" + ddl("\"") + "TIMESTAMP(3) NOT NULL)");
        return new ChineseLicenceTable(jdbc, "\"许可库\".\"许可信息\"", "\"");
    }

    /** Table 许可信息 in MariaDB (utf8mb4), names in backticks. */
    static ChineseLicenceTable mariaDb(String url) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, "root", "", true));
        jdbc.execute("CREATE TABLE `许可信息` (" + ddl("`") + "DATETIME(3) NOT NULL)");
        return new ChineseLicenceTable(jdbc, "`许可信息`", "`");
    }

    private static String ddl(String quote) {
        StringBuilder sb = new StringBuilder();
        for (String[] c : COLUMNS) {
            sb.append(quote).append(c[0]).append(quote).append(' ').append(c[1]).append(", ");
        }
        return sb.append(quote).append("更新时间").append(quote).append(' ').toString();
    }

    /** A licence decided three days before {@code updatedAt}; status 1 (valid) or 2 (注销 revoked). */
    void insert(String number, String company, String creditCode, String status, LocalDateTime updatedAt) {
        LocalDate decided = updatedAt.toLocalDate().minusDays(3);
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", quote("许可编号"), quote("行政相对人名称"),
                quote("行政相对人类别"), quote("统一社会信用代码"), quote("法定代表人"), quote("许可决定书名称"), quote("许可类别"),
                quote("许可内容 说明"), quote("许可决定日期"), quote("有效期自"), quote("有效期至"), quote("许可机关"),
                quote("当前状态"), quote("更新时间")) + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", number, company, "02",
                creditCode, "法定代表人甲", "食品经营许可准予许可决定书", "01", "预包装食品销售", decided, decided,
                LocalDate.of(2029, 12, 31), "武义县市场监督管理局", status, Timestamp.valueOf(updatedAt));
    }

    private String quote(String name) {
        return q + name + q;
    }
}
