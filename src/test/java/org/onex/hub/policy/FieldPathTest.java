package org.onex.hub.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paths of the sharing policy's field rules: a path covers its node and everything below; '*' within a segment. */
class FieldPathTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "subject.idNumber,   subject.idNumber,        true",
            "/subject/idNumber,  subject.idNumber,        true",    // JSON pointer form
            "subject,            subject.name,            true",    // an ancestor covers its fields
            "subject.name,       subject,                 false",   // a field does not cover its parent
            "subject.name,       subject.nameEn,          false",   // whole segments only
            "body.*ZJHM,         body.CF_XDR_ZJHM,        true",
            "body.*ZJHM,         body.CF_XDR_ZJHM_OLD,    false",
            "body.CF_*,          body.CF_NR_FK.amount,    true",    // money object below a covered field
            "body.CF_*,          body.XK_NR,              false",
            "*,                  identity.department,     true",
            "body.*,             bodyX.A,                 false",
            "body.cf_*,          body.CF_SY,              false"})  // record paths are case-sensitive
    void coversItsNodeAndEverythingBelow(String pattern, String path, boolean covers) {
        assertThat(FieldPath.parse(pattern).covers(Arrays.asList(path.split("\\.")))).isEqualTo(covers);
    }
}
