package org.onex.hub.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Masking of personal data (脱敏), issue 6 item 2: each kind on its own and inside free text. */
class MaskingTest {

    @ParameterizedTest(name = "idNumber({0}) = {1}")
    @CsvSource({
            "330723199001011239, 330723********1239",   // 18 digits, GB 11643
            "33072319900101123X, 330723********123X",   // check character X
            "33072319900101123x, 330723********123X",   // lower-case x read as X
            "330723900101123,    330723*****1123",      // legacy 15 digits
            "' 330723199001011239 ', 330723********1239",
            "3307231990010112,   330723******0112",     // malformed length: a declared ID field is still masked
            "1234567890,         **********"            // 10 characters or fewer: all starred
    })
    void idNumberKeepsFirstSixAndLastFour(String id, String masked) {
        assertThat(Masking.idNumber(id)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "phone({0}) = {1}")
    @CsvSource({
            "13812345678,        138****5678",
            "+86 13812345678,    +86 138****5678",
            "138-1234-5678,      138-****-5678",
            "0579-87654321,      057*-****4321",         // landline: first 3 and last 4 digits kept
            "1234567,            *******"                // too short to keep anything
    })
    void phoneKeepsFirstThreeAndLastFour(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "personName({0}) = {1}")
    @CsvSource({
            "张三,         张*",
            "王小明,       王**",
            "欧阳娜娜,     欧***",     // compound surname not recognised: keeping less is the safe side
            "张,           *",
            "' 李四 ',     李*",
            "𠮷野家,       𠮷**"       // a character outside the BMP is one character
    })
    void personNameKeepsTheFirstCharacter(String name, String masked) {
        assertThat(Masking.personName(name)).isEqualTo(masked);
    }

    @ParameterizedTest
    @NullSource
    void nullStaysNull(String value) {
        assertThat(Masking.idNumber(value)).isNull();
        assertThat(Masking.phone(value)).isNull();
        assertThat(Masking.personName(value)).isNull();
        assertThat(Masking.maskText(value)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "当事人周某，身份证号330723198506120313，联系电话13812345678。|当事人周某，身份证号330723********0313，联系电话138****5678。",
            "row 7: idNumber '33072319900101123X' bad|row 7: idNumber '330723********123X' bad",
            "legacy 330723900101123 end|legacy 330723*****1123 end",
            "call +8613812345678 or 0086 139-1234-5678|call +86138****5678 or 0086 139-****-5678",
            "{\"ZJHM\":\"330723198506120313\",\"DH\":\"15900001111\"}|{\"ZJHM\":\"330723********0313\",\"DH\":\"159****1111\"}",
            "two 13812345678,13987654321|two 138****5678,139****4321",
            // issue 13 item 4: a valid ID number glued to letters (a certificate number) by its check character
            "no. JTYS330723198506120313|no. JTYS330723********0313",
            "驾驶证330723198506120313号|驾驶证330723********0313号"
    })
    void maskTextFindsIdAndMobileNumbersInText(String text, String masked) {
        assertThat(Masking.maskText(text)).isEqualTo(masked);
    }

    /** False positives avoided on purpose (docs/security.md "Masking"): codes that are not personal data. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "credit code 91330723MA2HQ8B77W",                // unified social credit code with letters
            "authority 113307230025847169",                  // digit-only credit code: 23002584 is no date
            "licence JY13307230012345",                      // a mobile-like run glued to letters
            "order 123381234567890",                         // 15 digits whose date part (YYMMDD 123456) is no date
            "seq 1381234567890123456",                       // 19 digits: too long for any kind
            "2024-03-05 10:20:30 decided 武市监许〔2024〕101号",
            "amount 12345678901.50 yuan",                    // 11 digits not starting 1[3-9]
            "landline 0579-87654321 is not searched in text", // landlines are usually office numbers
            "JTYS330723198506120314"                         // glued to letters with a wrong check character
    })
    void maskTextLeavesWhatIsNotPersonalData(String text) {
        assertThat(Masking.maskText(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "idNumber|330723199001011239|330723********1239",
            "phone|13812345678|138****5678",
            "personName|张三|张*",
            "text|tel 13812345678|tel 138****5678"
    })
    void maskKindsOfThePolicyFileApplyTheirFunction(String key, String value, String masked) {
        assertThat(MaskKind.of(key)).hasValueSatisfying(k -> assertThat(k.apply(value)).isEqualTo(masked));
    }
}
