package org.onex.hub.ingest.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1 on H2 (the demo's department databases): names resolved against the metadata as the database spells
 * them — unquoted names folded to upper case, Chinese and spaced names kept, schema-qualified names, queries — and
 * the messages naming what the database does have.
 */
class JdbcIdentifiersTest {

    private Connection c;

    @BeforeEach
    void database() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:identifiers_" + System.nanoTime(), "sa", "");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE xk_licence (ID BIGINT PRIMARY KEY, UPDATED_AT TIMESTAMP)");
            s.execute("CREATE SCHEMA \"许可库\"");
            s.execute("CREATE TABLE \"许可库\".\"许可信息\" (\"许可编号\" VARCHAR(64), \"许可内容 说明\" VARCHAR(100),"
                    + " \"更新时间\" TIMESTAMP, \"odd\"\"name\" INT)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void unquotedNamesFindTheFoldedTableAndColumns() throws SQLException {
        var t = JdbcIdentifiers.resolve(c, "xk_licence", null, "updated_at", "ID");

        assertThat(t.from()).isEqualTo("\"XK_LICENCE\"");
        assertThat(t.timeColumn()).isEqualTo("UPDATED_AT");
        assertThat(t.time()).isEqualTo("\"UPDATED_AT\"");
        assertThat(t.columns()).containsExactly("ID", "UPDATED_AT");
    }

    @Test
    void chineseSchemaTableAndColumnsAreQuotedPartByPart() throws SQLException {
        var t = JdbcIdentifiers.resolve(c, "许可库.许可信息", null, "更新时间", "许可编号");

        assertThat(t.from()).isEqualTo("\"许可库\".\"许可信息\"");
        assertThat(t.key()).isEqualTo("\"许可编号\"");
        assertThat(t.columns()).containsExactly("许可编号", "许可内容 说明", "更新时间", "odd\"name");
    }

    @Test
    void aTableOutsideTheCurrentSchemaIsFoundAndQualified() throws SQLException {
        var t = JdbcIdentifiers.resolve(c, "许可信息", null, "更新时间", "odd\"name");

        assertThat(t.from()).isEqualTo("\"许可库\".\"许可信息\"");
        assertThat(t.key()).isEqualTo("\"odd\"\"name\"");
    }

    @Test
    void aQueryIsCheckedByTheColumnsItReturns() throws SQLException {
        var t = JdbcIdentifiers.resolve(c, null, "SELECT ID AS 编号, UPDATED_AT AS 更新时间 FROM xk_licence", "更新时间",
                "编号");

        assertThat(t.from()).isEqualTo("(SELECT ID AS 编号, UPDATED_AT AS 更新时间 FROM xk_licence)");
        assertThat(t.columns()).containsExactly("编号", "更新时间");
    }

    @Test
    void unknownColumnsAreNamedWithTheTablesColumns() {
        assertThatThrownBy(() -> JdbcIdentifiers.resolve(c, "许可库.许可信息", null, "更新时间x", "编号"))
                .isInstanceOfSatisfying(JdbcIdentifiers.UnknownIdentifierException.class, e -> assertThat(
                        e.mismatches()).containsExactly(
                                new JdbcIdentifiers.Mismatch("cursorTime", "column '更新时间x' is not in table '许可信息'"
                                        + " (columns: 许可编号, 许可内容 说明, 更新时间, odd\"name)"),
                                new JdbcIdentifiers.Mismatch("cursorKey", "column '编号' is not in table '许可信息'"
                                        + " (columns: 许可编号, 许可内容 说明, 更新时间, odd\"name)")));
    }

    @Test
    void unknownTableIsNamedWithTheDatabasesTables() throws SQLException {
        String database = c.getCatalog();
        assertThatThrownBy(() -> JdbcIdentifiers.resolve(c, "许可信息表", null, "更新时间", "许可编号"))
                .isInstanceOfSatisfying(JdbcIdentifiers.UnknownIdentifierException.class, e -> assertThat(
                        e.mismatches()).containsExactly(new JdbcIdentifiers.Mismatch("table", "table '许可信息表' is"
                                + " not in the H2 database '" + database + "' (tables: XK_LICENCE, 许可库.许可信息)")));
    }
}
