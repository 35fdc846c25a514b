package org.onex.hub.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.onex.hub.demo.LicenceFiles;

/**
 * 生态环境局's old system exporting a licence file of {@value #ROWS} rows to its SFTP server's drop folder every
 * three seconds, written under a temporary name and renamed (LicenceFiles), whether the SFTP server or the hub is up or
 * not. A file renamed into the folder is acknowledged with all its rows.
 */
final class SftpLoad extends Load {

    static final int ROWS = 20;

    private final Path drop;
    private long nextRow;
    private int files;

    SftpLoad(Path drop, long firstRow) {
        this.drop = drop;
        this.nextRow = firstRow;
    }

    @Override
    String scenario() {
        return "sftp";
    }

    @Override
    String department() {
        return "sthjj";
    }

    @Override
    String feed() {
        return "licences";
    }

    @Override
    long periodMillis() {
        return 3000;
    }

    @Override
    void step() throws IOException {
        long first = nextRow;
        LicenceFiles.csv(drop.resolve(String.format("licences-%05d.csv", ++files)), StandardCharsets.UTF_8, false, first,
                ROWS);
        nextRow += ROWS;
        for (long n = first; n < first + ROWS; n++) {
            acknowledge(LicenceFiles.row(n, 0).get("XK_WSH"), 0);
        }
    }
}
