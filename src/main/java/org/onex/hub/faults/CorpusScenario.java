package org.onex.hub.faults;

import java.nio.file.Path;

/**
 * Where the malformed-file corpus (at least 40 files, each with its specific reason) plugs into
 * the command: an implementation runs against a hub of its own in {@code work} and reports its figures (files
 * tried, rejected with the expected reason, accepted or rejected wrongly) as notes and rows of the report; a
 * wrong outcome must make its row fail (count it as {@code lost}). {@link FaultsCommand#CORPUS} holds the
 * implementation, {@link CorpusRun}; {@code --scenarios} does not name it, it runs in every ci and long mode run
 * unless {@code --corpus=false} ({@code --corpus=only}: nothing else runs).
 */
interface CorpusScenario {

    void run(FaultOptions options, Path work, FaultReport report) throws Exception;
}
