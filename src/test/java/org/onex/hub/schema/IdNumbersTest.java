package org.onex.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** GB 11643-1999 resident ID numbers: check character, birth date, format, legacy 15 digits, masking. */
class IdNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    /** "10X98765432"[Σ (2^(17−i) mod 11)·d_i mod 11], straight from the reference text. */
    private static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (1 << (17 - i)) % 11 * (first17.charAt(i) - '0');
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static Stream<String> valid() {
        List<String> ids = new ArrayList<>(List.of("11010519491231002X", SampleRecords.PERSON_ID));
        LocalDate birth = LocalDate.of(1900, 1, 1);
        for (int n = 0; n < 60; n++) {
            birth = birth.plusDays(770); // 1902 … 2026 (future ones filtered out)
            ids.add(withCheck("330723" + birth.toString().replace("-", "") + String.format("%03d", n * 16 % 1000)));
        }
        ids.add(withCheck("33072320000229004"));
        return ids.stream().filter(id -> !LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-"
                + id.substring(12, 14)).isAfter(TODAY));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validNumbersPass(String id) {
        assertThat(IdNumbers.check("subject.idNumber", id, TODAY)).isEmpty();
        assertThat(IdNumbers.checkCharacter(id.substring(0, 17))).isEqualTo(id.charAt(17));
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002x", " 11010519491231002X ", "11010519491231002X"})
    void lowerCaseXAndSpacesAreAccepted(String id) {
        assertThat(IdNumbers.check("f", id)).isEmpty();
        assertThat(IdNumbers.isValid(id)).isTrue();
        assertThat(IdNumbers.birthDate(id)).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void everyOneCharacterMutationFailsTheCheck(String id) {
        for (int pos = 0; pos < 18; pos++) {
            for (char c : "0123456789X".toCharArray()) {
                if (c == id.charAt(pos) || c == 'X' && pos < 17) {
                    continue;
                }
                String mutated = id.substring(0, pos) + c + id.substring(pos + 1);
                assertThat(IdNumbers.check("f", mutated, TODAY)).as(mutated)
                        .extracting(Violation::rule).contains(Rules.ID_NUMBER_CHECK);
            }
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("11010519491231002Y", Rules.ID_NUMBER_FORMAT,
                        "character 'Y' at position 18 is not a digit or X"),
                Arguments.of("1101051949123100X2", Rules.ID_NUMBER_FORMAT, "character 'X' at position 17 is not a digit"),
                Arguments.of("11010519491231002", Rules.ID_NUMBER_FORMAT,
                        "expected 18 characters (or a legacy 15-digit number), got 17"),
                Arguments.of("", Rules.ID_NUMBER_FORMAT, "expected 18 characters (or a legacy 15-digit number), got 0"),
                Arguments.of(null, Rules.ID_NUMBER_FORMAT, "expected 18 characters (or a legacy 15-digit number), got 0"),
                Arguments.of("33072380010112X", Rules.ID_NUMBER_FORMAT, "character 'X' at position 15 is not a digit"),
                Arguments.of("110105194912310021", Rules.ID_NUMBER_CHECK, "check character should be 'X' but is '1'"),
                Arguments.of("440524188001010014", Rules.ID_NUMBER_BIRTH_DATE, "birth date 1880-01-01 is before 1900"),
                Arguments.of(withCheck("33072320250602001"), Rules.ID_NUMBER_BIRTH_DATE,
                        "birth date 2025-06-02 is in the future"),
                Arguments.of(withCheck("33072329990101001"), Rules.ID_NUMBER_BIRTH_DATE,
                        "birth date 2999-01-01 is in the future"),
                Arguments.of(withCheck("33072320230229001"), Rules.ID_NUMBER_BIRTH_DATE,
                        "birth date 20230229 is not a real date"),
                Arguments.of(withCheck("33072319901301001"), Rules.ID_NUMBER_BIRTH_DATE,
                        "birth date 19901301 is not a real date"),
                Arguments.of("330723800230123", Rules.ID_NUMBER_BIRTH_DATE, "birth date 19800230 is not a real date"),
                Arguments.of("330723000229001", Rules.ID_NUMBER_BIRTH_DATE, "birth date 19000229 is not a real date"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidNumbersNameTheProblem(String id, String rule, String message) {
        List<Violation> errors = IdNumbers.check("subject.idNumber", id, TODAY).stream().filter(Violation::isError)
                .toList();
        assertThat(errors).containsExactly(Violation.error("subject.idNumber", rule, message));
    }

    @ParameterizedTest
    @CsvSource({"330723800101123, 1980-01-01", "110105491231002, 1949-12-31", "330723000301001, 1900-03-01"})
    void legacyFifteenDigitsIsAWarning(String id, LocalDate birth) {
        assertThat(IdNumbers.check("subject.idNumber", id, TODAY)).containsExactly(Violation.warning(
                "subject.idNumber", Rules.ID_NUMBER_LEGACY_15, "legacy 15-digit number without check character"));
        assertThat(IdNumbers.isValid(id)).isTrue();
        assertThat(IdNumbers.birthDate(id)).isEqualTo(birth);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "330723198001011234, 330723********1234",
        "11010519491231002x, 110105********002X",
        "330723800101123, 330723*****1123",
        "1234567890, **********",
        "NULL, NULL"})
    void maskKeepsFirstSixAndLastFour(String id, String masked) {
        assertThat(IdNumbers.mask(id)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "33072319900230123X | birth date 19900230 is not a real date",
        "3307231990 | expected 18 characters (or a legacy 15-digit number), got 10"})
    void birthDateRejectsUnreadableNumbers(String id, String message) {
        assertThatThrownBy(() -> IdNumbers.birthDate(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + id + "'").hasMessageContaining(message);
    }
}
