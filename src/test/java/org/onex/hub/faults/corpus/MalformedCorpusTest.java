package org.onex.hub.faults.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onex.hub.ingest.SourceRow;
import org.onex.hub.ingest.file.FileFormat;
import org.onex.hub.ingest.file.FileLayout;
import org.onex.hub.ingest.file.FileRejectedException;
import org.onex.hub.ingest.file.RowFileReader;
import org.springframework.util.FileSystemUtils;

/**
 * The corpus reads as it claims at the reader level (no hub): every file expected REJECTED fails with its
 * code and message; every file expected ACCEPTED is read with as many rows as it should store and
 * quarantine. MalformedFileCorpusIT drives the same files through SFTP and the store.
 */
class MalformedCorpusTest {

    private static Path dir;
    private static List<CorpusFile> files;

    @BeforeAll
    static void write() throws IOException {
        dir = Files.createTempDirectory("corpus-test");
        files = MalformedCorpus.write(dir, "t1");
    }

    @AfterAll
    static void delete() {
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @Test
    void hasAtLeastFortyFilesEachWithADistinctReason() {
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        Set<String> reasons = new HashSet<>();
        for (CorpusFile f : files) {
            assertThat(reasons.add(f.expected().code() + " " + f.expected().fragment() + " " + f.expected().quarantined()))
                    .as("reason of %s is distinct", f.name()).isTrue();
        }
        System.out.println(MalformedCorpus.table(files));
    }

    @Test
    void everyFileReadsAsExpected() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (CorpusFile f : files) {
            FileLayout layout = new FileLayout(FileFormat.of(f.drop().format()), Charset.forName(f.drop().encoding()),
                    null, CorpusRows.COLUMNS);
            List<SourceRow> rows = new ArrayList<>();
            FileRejectedException e = catchThrowableOfType(FileRejectedException.class,
                    () -> RowFileReader.read(f.path(dir), f.name(), layout, rows::add));
            Expected x = f.expected();
            if (x.outcome() == Expected.Outcome.REJECTED) {
                if (e == null || e.code() != x.code() || !e.reason().contains(x.fragment())) {
                    wrong.add(f.name() + ": expected " + x.code() + " '" + x.fragment() + "', got "
                            + (e == null ? rows.size() + " rows" : e.code() + " '" + e.reason() + "'"));
                }
            } else if (e != null || rows.size() != x.stored() + x.quarantined().size()) {
                wrong.add(f.name() + ": expected " + (x.stored() + x.quarantined().size()) + " rows, got "
                        + (e == null ? rows.size() + " rows" : e.code() + " '" + e.reason() + "'"));
            }
        }
        assertThat(wrong).isEmpty();
    }
}
