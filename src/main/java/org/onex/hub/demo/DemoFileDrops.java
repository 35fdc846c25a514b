package org.onex.hub.demo;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's SFTP department: 生态环境局 (sthjj) exports its licences to its own SFTP
 * server, here an in-process one. Its three drop folders show the formats the hub reads: GB18030 CSV
 * from the old system ({@code licences/gbk}), CSV with a byte-order mark saved from Excel
 * ({@code licences/utf8}) and the Excel workbook itself ({@code licences/xlsx}). The first start drops
 * one file of each, a file whose last row was cut off by a failed upload, and a UTF-8 file dropped
 * into the GB18030 folder by mistake; then a new export arrives every {@code hub.demo.file-period}.
 */
public final class DemoFileDrops implements AutoCloseable {

    public static final String USER = "sthjj";
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Logger LOG = LoggerFactory.getLogger(DemoFileDrops.class);

    private final EmbeddedSftpServer server;
    private final Clock clock;

    public DemoFileDrops(int port, Path root, String password, Clock clock) {
        this.server = EmbeddedSftpServer.start(port, root, Map.of(USER, password));
        this.clock = clock;
        LOG.info("Demo SFTP server of department {} on sftp://127.0.0.1:{} (user {})", USER, server.port(), USER);
    }

    public int port() {
        return server.port();
    }

    /** The folder the hub delivers the bureau's decisions to (delivery-sftp), created on first use. */
    public Path decisions() throws IOException {
        return Files.createDirectories(server.home(USER).resolve("decisions"));
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(server.home(USER).resolve("licences").resolve(name));
    }

    /** Drops the first files, once (a restarted demo finds them moved to .done/ or .error/). */
    public void seed() throws IOException {
        Path gbk = folder("gbk");
        if (Files.exists(gbk.resolve(".done")) || Files.exists(gbk.resolve(".error"))) {
            return;
        }
        List<Map<String, String>> first = rows(1, 20);
        first.get(6).put("XK_XDR_SHXYM", SyntheticData.brokenCreditCode(new Random(7))); // a row for quarantine
        LicenceFiles.csv(gbk.resolve("licences-00001.csv"), GB18030, false, first.iterator());
        truncated(gbk.resolve("licences-00002-failed-upload.csv"));
        LicenceFiles.csv(gbk.resolve("licences-00003-utf8-by-mistake.csv"), StandardCharsets.UTF_8, false, 41, 3);
        LicenceFiles.csv(folder("utf8").resolve("excel-export-00001.csv"), StandardCharsets.UTF_8, true, 21, 10);
        LicenceFiles.xlsx(folder("xlsx").resolve("ledger-00001.xlsx"), "许可", rows(31, 10));
    }

    /** A new GB18030 export: three new licences and one changed one. */
    public void tick() throws IOException {
        long slot = clock.millis() / 1000;
        List<Map<String, String>> rows = rows(100_000 + (slot % 1_000_000) * 3, 3);
        rows.add(LicenceFiles.row(1 + slot % 20, (int) (slot % 1000) + 1));
        LicenceFiles.csv(folder("gbk").resolve("licences-" + slot + ".csv"), GB18030, false, rows.iterator());
    }

    private static List<Map<String, String>> rows(long first, int count) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (long n = first; n < first + count; n++) {
            rows.add(LicenceFiles.row(n, 0));
        }
        return rows;
    }

    /** An export whose upload broke off in the middle of its last row. */
    private static void truncated(Path file) throws IOException {
        Path whole = file.resolveSibling(".whole.tmp");
        LicenceFiles.csv(whole, GB18030, false, 51, 5);
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 60));
    }

    @Override
    public void close() {
        server.close();
    }
}
