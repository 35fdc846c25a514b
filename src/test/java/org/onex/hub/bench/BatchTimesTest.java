package org.onex.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A department's batches as the departments scenario reads them from hub_record.created_at. */
class BatchTimesTest {

    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void groupsBatchesByDepartmentAndFindsTheLongestGapWhateverTheOrder() {
        List<BatchTimes.Batch> batches = List.of(
                new BatchTimes.Batch("fgj", T.plusMillis(2_500), 500),
                new BatchTimes.Batch("scjgj", T.plusMillis(300), 500),
                new BatchTimes.Batch("fgj", T.plusMillis(400), 500),
                new BatchTimes.Batch("fgj", T.plusMillis(900), 429),
                new BatchTimes.Batch("scjgj", T.plusMillis(700), 500));

        Map<String, BatchTimes> times = BatchTimes.of(batches);

        assertThat(times.get("fgj")).isEqualTo(new BatchTimes(1429, 3, T.plusMillis(400), T.plusMillis(2_500), 1_600));
        assertThat(times.get("scjgj")).isEqualTo(new BatchTimes(1000, 2, T.plusMillis(300), T.plusMillis(700), 400));
    }

    @Test
    void oneBatchHasNoGapAndTimesAreSecondsAfterTheStart() {
        Map<String, BatchTimes> times = BatchTimes.of(List.of(new BatchTimes.Batch("qxj", T.plusMillis(1_250), 7)));

        assertThat(times.get("qxj").maxGapMillis()).isZero();
        assertThat(BatchTimes.secondsAfter(T, times.get("qxj").first())).isEqualTo(1.25);
        assertThat(BatchTimes.secondsAfter(T.plusSeconds(2), T)).isEqualTo(-2.0);
    }
}
