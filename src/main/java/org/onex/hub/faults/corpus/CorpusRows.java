package org.onex.hub.faults.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.schema.CreditCodes;

/**
 * Valid licence rows in the national 双公示 XK_* layout the shipped sthjj/licences mapping reads, and
 * the CSV text of them. Each row's document number (the feed's key) carries the corpus run's tag and
 * the file's own id, so files never share keys and a rerun never repeats content.
 */
final class CorpusRows {

    static final List<String> COLUMNS = List.of("XK_XDR_MC", "XK_XDR_LB", "XK_XDR_SHXYM", "XK_FRDB", "XK_XKWS",
            "XK_WSH", "XK_XKLB", "XK_XKZS", "XK_NR", "XK_JDRQ", "XK_YXQZ", "XK_YXQZI", "XK_XKJG", "XK_ZT");
    /** The same columns as a clerk's spreadsheet titles them (not what the mapping reads). */
    static final List<String> DISPLAY_NAMES = List.of("行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人",
            "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可证书名称", "许可内容", "许可决定日期", "有效期自",
            "有效期至", "许可机关", "当前状态");
    private static final String[] COMPANIES = { "武义县壶山五金制造有限公司", "武义县熟溪环保科技有限公司",
            "武义县白洋渡化工有限公司", "武义县桐琴电镀有限公司" };

    private final String tag;

    CorpusRows(String tag) {
        this.tag = tag;
    }

    /** Row {@code n} of file {@code file}: valid against the mapping. */
    Map<String, String> row(String file, int n) {
        LocalDate decided = LocalDate.of(2026, 1, 5).plusDays(n);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("XK_XDR_MC", COMPANIES[n % COMPANIES.length]);
        row.put("XK_XDR_LB", "02");
        row.put("XK_XDR_SHXYM", creditCode(file.hashCode() * 31 + n));
        row.put("XK_FRDB", "企业负责人");
        row.put("XK_XKWS", "排污许可证准予许可决定书");
        row.put("XK_WSH", "武环许字〔2026〕" + tag + "-" + file + "-" + n + "号");
        row.put("XK_XKLB", "01");
        row.put("XK_XKZS", "排污许可证");
        row.put("XK_NR", "准予排污许可");
        row.put("XK_JDRQ", decided.toString());
        row.put("XK_YXQZ", decided.toString());
        row.put("XK_YXQZI", decided.plusYears(5).toString());
        row.put("XK_XKJG", "金华市生态环境局武义分局");
        row.put("XK_ZT", "1");
        return row;
    }

    List<Map<String, String>> rows(String file, int count) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            rows.add(row(file, n));
        }
        return rows;
    }

    /** A valid unified social credit code (GB 32100) for a company in Wuyi County. */
    static String creditCode(long seed) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder org = new StringBuilder();
        long s = Math.abs(seed * 2654435761L + 97);
        for (int i = 0; i < 8; i++) {
            org.append(alphabet.charAt((int) (s % (i == 0 ? 10 : 31))));
            s = s / 31 + 7 * i + 3;
        }
        String orgCode = org.toString() + CreditCodes.orgCheckCharacter(org.toString());
        String first17 = "91330723" + orgCode;
        return first17 + CreditCodes.checkCharacter(first17);
    }

    /** CSV text: a header and rows, fields quoted when they need it, each line ended by {@code eol}. */
    static String csv(List<String> header, List<Map<String, String>> rows, String eol) {
        StringBuilder text = new StringBuilder(line(header, ",")).append(eol);
        for (Map<String, String> row : rows) {
            text.append(line(new ArrayList<>(row.values()), ",")).append(eol);
        }
        return text.toString();
    }

    static String line(List<String> fields, String delimiter) {
        List<String> quoted = new ArrayList<>();
        for (String f : fields) {
            boolean quote = f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r");
            quoted.add(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return String.join(delimiter, quoted);
    }

    /** The offset of the first byte sequence that is not valid in {@code charset}, or -1. */
    static int firstInvalid(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 16);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }
}
