package org.onex.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.onex.hub.schema.CreditCodes;
import org.onex.hub.schema.IdNumbers;

/** The demo stays valid: its generated identifiers pass the checks the hub applies (issue 12 item 3). */
class SyntheticDataTest {

    @Test
    void generatedIdNumbersOfLegalRepresentativesAreValid() {
        assertThat(IntStream.range(0, 5_000).mapToObj(n -> SyntheticData.idNumber(new Random(n * 31L + 7))))
                .allMatch(IdNumbers::isValid).allMatch(id -> id.startsWith("330723"));
    }

    @Test
    void generatedCreditCodesAreValidAndBrokenOnesAreNot() {
        Random r = new Random(11);
        for (int i = 0; i < 1_000; i++) {
            assertThat(CreditCodes.isValid(SyntheticData.creditCode(r))).isTrue();
            assertThat(CreditCodes.isValid(SyntheticData.brokenCreditCode(r))).isFalse();
        }
    }
}
