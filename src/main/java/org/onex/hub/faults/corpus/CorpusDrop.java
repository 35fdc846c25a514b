package org.onex.hub.faults.corpus;

/**
 * A drop folder of the corpus department feed: one sftp-source route each, since format and encoding
 * are declared per folder (README, sftp-source). Every folder feeds {@link MalformedCorpus#DEPARTMENT}/
 * {@link MalformedCorpus#FEED}, whose shipped mapping reads the national 双公示 XK_* licence columns.
 */
public enum CorpusDrop {
    CSV_GB18030("csv-gb18030", "csv", "GB18030", "*.csv"),
    CSV_GBK("csv-gbk", "csv", "GBK", "*.csv"),
    CSV_UTF8("csv-utf8", "csv", "UTF-8", "*.csv"),
    XLSX("xlsx", "xlsx", "UTF-8", "*.xlsx"),
    JSON("json", "json", "UTF-8", "*.json"),
    NDJSON("ndjson", "ndjson", "UTF-8", "*.ndjson");

    private final String folder;
    private final String format;
    private final String encoding;
    private final String filePattern;

    CorpusDrop(String folder, String format, String encoding, String filePattern) {
        this.folder = folder;
        this.format = format;
        this.encoding = encoding;
        this.filePattern = filePattern;
    }

    /** The folder under the corpus directory (and the drop directory on the SFTP server). */
    public String folder() {
        return folder;
    }

    /** The sftp-source {@code format} parameter. */
    public String format() {
        return format;
    }

    /** The sftp-source {@code encoding} parameter. */
    public String encoding() {
        return encoding;
    }

    /** The sftp-source {@code filePattern} parameter. */
    public String filePattern() {
        return filePattern;
    }
}
