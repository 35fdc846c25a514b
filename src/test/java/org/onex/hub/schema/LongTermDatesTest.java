package org.onex.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 item 2: the words of long-term validity are a value (2099-12-31), not a Simple trick. */
class LongTermDatesTest {

    @ParameterizedTest
    @ValueSource(strings = { "长期", "长期有效", "永久", "永久有效", "无期限", "无固定期限", " 长期 ", "长\u3000期",
        "\u3000长期有效\u3000", "无 固定 期限", "\t永久\n" })
    void everyDefaultWordIsLongTermWhateverTheBlanks(String raw) {
        assertThat(HubDates.toDate(raw)).isEqualTo(Document.LONG_TERM).isEqualTo(java.time.LocalDate.of(2099, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = { "２０２４年３月５日", "２０２４／３／５", "２０２４－０３－０５", "２０２４０３０５", "2024年3月5日" })
    void fullWidthDatesAreRead(String raw) {
        assertThat(HubDates.toDate(raw)).isEqualTo(java.time.LocalDate.of(2024, 3, 5));
    }

    @Test
    void aConfiguredListReplacesTheDefault() {
        LongTermDates custom = LongTermDates.of(List.of("长期", "至今有效"));

        assertThat(HubDates.toDate("至今有效", custom)).isEqualTo(Document.LONG_TERM);
        assertThatThrownBy(() -> HubDates.toDate("永久", custom)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read date '永久'").hasMessageContaining("长期").hasMessageContaining("至今有效");
    }

    @Test
    void anUnreadableDateStillFailsNamingTheAcceptedForms() {
        assertThatThrownBy(() -> HubDates.toDate("长期待定")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read date '长期待定'").hasMessageContaining("yyyy年M月d日")
                .hasMessageContaining("for long-term validity one of");
        assertThatThrownBy(() -> LongTermDates.of(List.of("长期", " "))).hasMessageContaining("blank");
    }

    @Test
    void aLongTermDecisionDateIsRejected() {
        HubRecord licence = SampleRecords.licence();
        HubRecord longTerm = new HubRecord(licence.identity(), licence.category(), licence.recordType(),
                licence.status(), licence.urgent(), licence.subject(), new Document(licence.document().number(),
                        licence.document().title(), Document.LONG_TERM, null, Document.LONG_TERM,
                        licence.document().authority(), null, null), licence.times(), licence.body(), List.of());

        assertThat(RecordValidator.validate(longTerm)).extracting(Violation::field, Violation::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("document.decisionDate", Rules.DECISION_DATE_LONG_TERM));
    }
}
