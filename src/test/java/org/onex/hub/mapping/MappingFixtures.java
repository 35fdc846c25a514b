package org.onex.hub.mapping;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Shared fixtures of the mapping tests: a compiler with the real code lists and valid rows of both demo feeds. */
final class MappingFixtures {

    static final Path MAPPINGS = Path.of("mappings");
    static final Path LICENCES = MAPPINGS.resolve("scjgj/licences.yaml");
    static final Path APPROVALS = MAPPINGS.resolve("zrzyj/approvals.yaml");

    /** Simple needs a context to parse and evaluate in, not a started one (DryRunCommand relies on that too). */
    private static final CamelContext CAMEL = new DefaultCamelContext();

    private MappingFixtures() {
    }

    static MappingCompiler compiler() {
        return new MappingCompiler(CAMEL,
                MappingCompiler.loadCodeLists(MAPPINGS.resolve(MappingRegistry.CODE_LISTS_FILE)));
    }

    /** A valid 双公示 licence row as the scjgj source returns it (upper-case column names, text values). */
    static Map<String, Object> licenceRow() {
        return row("ID", 1, "XK_WSH", "武市监许〔2024〕101号", "XK_XKWS", "食品经营许可决定书", "XK_XKLB", "01",
                "XK_XKZS", "食品经营许可证", "XK_XKBH", "JY13307230000101", "XK_NR", "预包装食品销售",
                "XK_XDR_MC", "武义示例食品贸易有限公司", "XK_XDR_LB", "02", "XK_XDR_SHXYM", "91330723MA2K7Q3L98",
                "XK_FRDB", "张某", "XK_JDRQ", "2024-03-05", "XK_YXQZ", "2024-03-05", "XK_YXQZI", "2099-12-31",
                "XK_XKJG", "武义县市场监督管理局", "XK_XKJGDM", "11330723002543308J", "XK_ZT", "1",
                "UPDATED_AT", "2024-03-05 10:20:30");
    }

    /** A valid approval row of the zrzyj source (its own column names, dates written 2024年3月5日). */
    static Map<String, Object> approvalRow() {
        return row("SPWH", "武自然资规〔2024〕11号", "SQDW", "武义示例置业有限公司", "SQDWDM", "91330723MA2KCX8T20",
                "FDDBR", "赵某", "XMMC", "示例产业园一期", "PZRQ", "2024年3月5日", "PZJG", "武义县自然资源和规划局",
                "ZT", "有效", "JJBZ", 0, "GXSJ", "2024-03-05 16:30:00", "SPLX", "YD");
    }

    /** A copy of {@code base} with the given column/value pairs set; a null value removes the column. */
    static Map<String, Object> with(Map<String, Object> base, Object... columnsAndValues) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            String column = (String) columnsAndValues[i];
            if (columnsAndValues[i + 1] == null) {
                copy.remove(column);
            } else {
                copy.put(column, columnsAndValues[i + 1]);
            }
        }
        return copy;
    }

    private static Map<String, Object> row(Object... columnsAndValues) {
        return with(Map.of(), columnsAndValues);
    }
}
