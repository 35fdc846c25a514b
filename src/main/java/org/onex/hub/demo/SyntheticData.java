package org.onex.hub.demo;

import java.util.Random;

import org.onex.hub.schema.CreditCodes;
import org.onex.hub.schema.IdNumbers;

/** Synthetic subjects: Chinese company names and valid unified social credit codes (GB 32100) of Wuyi (330723). */
public final class SyntheticData {

    private static final String[] PLACES = { "武义", "壶山", "熟溪", "白洋", "履坦", "桐琴", "泉溪", "王宅", "桃溪", "柳城" };
    private static final String[] TRADES = { "五金制品", "食品", "温泉旅游", "茶业", "电动工具", "建材", "餐饮管理", "农业开发",
            "汽车配件", "文化传媒", "家居用品", "药业" };
    private static final String[] FORMS = { "有限公司", "股份有限公司", "有限责任公司" };
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "胡", "潘" };
    private static final String[] GIVEN = { "建国", "丽华", "志强", "秀英", "海燕", "卫东", "晓明", "春梅", "国平", "雪芳", "伟", "静" };
    private static final String ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private SyntheticData() {
    }

    public static String companyName(Random r) {
        return "浙江" + pick(r, PLACES) + pick(r, TRADES) + pick(r, FORMS);
    }

    public static String personName(Random r) {
        return pick(r, SURNAMES) + pick(r, GIVEN);
    }

    /** A valid credit code of an enterprise (registered by market supervision, 91) in Wuyi County. */
    public static String creditCode(Random r) {
        return creditCode("91", r);
    }

    /** A valid credit code of a government body (11) in Wuyi County. */
    public static String authorityCode(Random r) {
        return creditCode("11", r);
    }

    private static String creditCode(String prefix, Random r) {
        StringBuilder org = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            org.append(ORG_ALPHABET.charAt(r.nextInt(10 + (i == 0 ? 0 : 21))));
        }
        String orgCode = org + String.valueOf(CreditCodes.orgCheckCharacter(org.toString()));
        String first17 = prefix + "330723" + orgCode;
        return first17 + CreditCodes.checkCharacter(first17);
    }

    /** A valid resident ID number (GB 11643) of a person born 1960–1999 in Wuyi County (330723). */
    public static String idNumber(Random r) {
        java.time.LocalDate born = java.time.LocalDate.of(1960, 1, 1).plusDays(r.nextInt(40 * 365));
        String first17 = "330723" + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", r.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** A credit code with a wrong check character (for the demo's deliberately broken rows). */
    public static String brokenCreditCode(Random r) {
        String good = creditCode(r);
        char last = good.charAt(17);
        char wrong = ORG_ALPHABET.charAt((ORG_ALPHABET.indexOf(last) + 1) % ORG_ALPHABET.length());
        return good.substring(0, 17) + wrong;
    }

    static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
