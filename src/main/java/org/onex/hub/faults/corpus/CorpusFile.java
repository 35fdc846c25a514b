package org.onex.hub.faults.corpus;

import java.nio.file.Path;

/**
 * One file of the corpus: its name (unique across the corpus), the drop folder it belongs in, what it
 * is as a county system produces it ({@code shape}), and what the hub must do with it.
 */
public record CorpusFile(String name, CorpusDrop drop, String shape, Expected expected) {

    /** Where {@link MalformedCorpus#write} put it under the corpus directory {@code dir}. */
    public Path path(Path dir) {
        return dir.resolve(drop.folder()).resolve(name);
    }
}
