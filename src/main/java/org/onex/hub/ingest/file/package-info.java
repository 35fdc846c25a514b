/**
 * Department files (SFTP drops and REST pushes): the formats and layouts a feed declares, the streaming
 * row readers ({@link org.onex.hub.ingest.file.RowFileReader}) and the file-level rejection that keeps a
 * broken file out of the store with a reason written next to it.
 */
package org.onex.hub.ingest.file;
