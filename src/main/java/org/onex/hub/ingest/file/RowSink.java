package org.onex.hub.ingest.file;

import org.onex.hub.ingest.SourceRow;

/** Receives the rows of a file one by one, as they are read (files are streamed, never held whole). */
@FunctionalInterface
public interface RowSink {

    void accept(SourceRow row);
}
