package org.onex.hub.ingest;

import java.time.Instant;
import java.util.List;

import org.onex.hub.mapping.CompiledMapping;
import org.onex.hub.mapping.MappingResult;

/**
 * The rows of a batch already written as JSON and mapped, outside any transaction, by
 * {@link IngestService#prepare}: a pulled source maps its next batch while the previous one is being written
 * (issue 18, pipelining). Only the pure steps are done ahead; the hooks' checks, which read the store and may
 * raise alerts, run in the ingest transaction as before. Used only with the same mapping and extraction time,
 * else the batch is mapped again.
 *
 * @param mapping     the mapping the rows were mapped with (compared by identity: a reloaded mapping maps again)
 * @param extractedAt the extraction time the mapping was given
 * @param payloads    each row as JSON ({@link SourcePayloads}), in row order
 * @param results     each row's mapping result before the hooks' checks, in row order
 */
public record PreparedRows(CompiledMapping mapping, Instant extractedAt, List<String> payloads,
        List<MappingResult> results) {

    /** Whether these results may stand for the batch's rows mapped now with {@code current}. */
    boolean usableWith(CompiledMapping current, Instant currentExtractedAt, int rows) {
        return mapping == current && extractedAt.equals(currentExtractedAt) && payloads.size() == rows;
    }
}
