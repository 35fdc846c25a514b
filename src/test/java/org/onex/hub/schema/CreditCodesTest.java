package org.onex.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 credit codes: published vectors, generated vectors, every one-character mutation, formats. */
class CreditCodesTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Published valid codes (IDENTIFIERS-AND-FIELDS.md) plus the samples used across the schema tests. */
    static Stream<String> published() {
        return Stream.of("91350100M000100Y43", "91320105780688132K", "91110000802100433B", SampleRecords.COMPANY_CODE,
                SampleRecords.SHOP_CODE, SampleRecords.MARKET_BUREAU_CODE, SampleRecords.ENFORCEMENT_BUREAU_CODE);
    }

    /** Codes built in the test from the documented algorithm alone (independent of the class under test). */
    static Stream<String> generated() {
        Random random = new Random(32100);
        String[] prefixes = {"91", "92", "93", "11", "12", "51", "52", "Y1"};
        String[] divisions = {"330723", "330700", "350100", "110000"};
        List<String> codes = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            StringBuilder org = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                org.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String first17 = prefixes[n % prefixes.length] + divisions[n % divisions.length] + org + docOrgCheck(org);
            codes.add(first17 + docCheck(first17));
        }
        return codes.stream();
    }

    /** alphabet[(31 − Σ (3^i mod 31)·v_i mod 31) mod 31], straight from the reference text. */
    private static char docCheck(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += weight * ALPHABET.indexOf(first17.charAt(i));
            weight = weight * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static char docOrgCheck(CharSequence body) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            sum += w[i] * (Character.isDigit(c) ? c - '0' : c - 'A' + 10);
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    @ParameterizedTest
    @MethodSource({"published", "generated"})
    void validCodesPass(String code) {
        assertThat(CreditCodes.check("subject.creditCode", code)).isEmpty();
        assertThat(CreditCodes.isValid(code)).isTrue();
        assertThat(CreditCodes.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @ParameterizedTest
    @MethodSource("published")
    void everyOneCharacterMutationFails(String code) {
        int mutations = 0;
        for (int pos = 0; pos < 18; pos++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c == code.charAt(pos)) {
                    continue;
                }
                String mutated = code.substring(0, pos) + c + code.substring(pos + 1);
                List<Violation> violations = CreditCodes.check("f", mutated);
                assertThat(violations).as(mutated).anySatisfy(v -> {
                    assertThat(v.rule()).isEqualTo(Rules.CREDIT_CODE_CHECK);
                    assertThat(v.isError()).isTrue();
                });
                assertThat(CreditCodes.isValid(mutated)).as(mutated).isFalse();
                mutations++;
            }
        }
        assertThat(mutations).isEqualTo(18 * 30);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "91350100M000100Y44 | check character should be '3' but is '4'",
        "91320105780688132A | check character should be 'K' but is 'A'",
        "91110000802100433C | check character should be 'B' but is 'C'"})
    void wrongCheckCharacterNamesExpectedAndActual(String code, String message) {
        assertThat(CreditCodes.check("subject.creditCode", code)).containsExactly(
                Violation.error("subject.creditCode", Rules.CREDIT_CODE_CHECK, message));
    }

    static Stream<Arguments> badFormats() {
        return Stream.of(
                Arguments.of("91350100M000100Y4", List.of("expected 18 characters, got 17")),
                Arguments.of("91350100M000100Y433", List.of("expected 18 characters, got 19")),
                Arguments.of("", List.of("expected 18 characters, got 0")),
                Arguments.of(null, List.of("expected 18 characters, got 0")),
                Arguments.of("9135I100M000100Y43", List.of("character 'I' at position 5 is not allowed")),
                Arguments.of("91350100M0O0100Y43", List.of("character 'O' at position 11 is not allowed")),
                Arguments.of("S1350100M000100Y43", List.of("character 'S' at position 1 is not allowed")),
                Arguments.of("91350100M000100V4Z", List.of("character 'V' at position 16 is not allowed",
                        "character 'Z' at position 18 is not allowed")),
                Arguments.of("91350100M000-00Y43", List.of("character '-' at position 13 is not allowed")),
                Arguments.of("91350100M000100Y4３", List.of("character '３' at position 18 is not allowed")));
    }

    @ParameterizedTest
    @MethodSource("badFormats")
    void badFormatsAreNamed(String code, List<String> messages) {
        List<Violation> violations = CreditCodes.check("subject.creditCode", code);
        assertThat(violations).extracting(Violation::message).containsExactlyElementsOf(messages);
        assertThat(violations).allSatisfy(v -> {
            assertThat(v.rule()).isEqualTo(Rules.CREDIT_CODE_FORMAT);
            assertThat(v.field()).isEqualTo("subject.creditCode");
            assertThat(v.isError()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100m000100y43", "  91320105780688132K ", "\t91110000802100433b\n", "　91350100M000100Y43"})
    void trimsAndUpperCasesBeforeChecking(String code) {
        assertThat(CreditCodes.check("f", code)).isEmpty();
    }

    @Test
    void failingInnerOrganisationCodeIsOnlyAWarning() {
        String first17 = "91350100M000100Y5"; // inner GB 11714 check should be 4
        String code = first17 + docCheck(first17);
        assertThat(CreditCodes.check("subject.creditCode", code)).containsExactly(Violation.warning(
                "subject.creditCode", Rules.ORG_CODE_CHECK,
                "organisation code M000100Y5: check character should be '4' but is '5'"));
        assertThat(CreditCodes.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"D2143569, X", "M000100Y, 4", "78068813, 2", "80210043, 3", "00000000, 0", "MA2HQ8B7, 7"})
    void organisationCodeCheckCharacter(String body, char expected) {
        assertThat(CreditCodes.orgCheckCharacter(body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"91350100M000100Y4, 3", "91320105780688132, K", "91110000802100433, B", "91350100m000100y4, 3"})
    void checkCharacterOfFirst17(String first17, char expected) {
        assertThat(CreditCodes.checkCharacter(first17)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "9135010M000100Y4 | expected 17 characters, got 16",
        "9135I100M000100Y4 | character 'I' at position 5 is not allowed"})
    void checkCharacterRejectsBadInput(String first17, String message) {
        assertThatThrownBy(() -> CreditCodes.checkCharacter(first17)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageContaining("'" + first17 + "'");
    }
}
