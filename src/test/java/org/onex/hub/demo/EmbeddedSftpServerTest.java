package org.onex.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;

/**
 * The embedded SFTP server of the demo departments, on the root the embedded default gives it: {@code ./data/sftp},
 * relative to the working directory (README quickstart). A relative root once made every listing fail with
 * "Cannot get current directory: Invalid filename", so the demo department's files were never read.
 */
class EmbeddedSftpServerTest {

    @TempDir
    Path dir;

    @Test
    void aRelativeRootServesEachUsersHome() throws Exception {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("sftp"));
        assertThat(relative.isAbsolute()).isFalse();
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(0, relative, Map.of("sthjj", "pw"))) {
            Session session = new JSch().getSession("sthjj", "127.0.0.1", server.port());
            session.setPassword("pw");
            session.setConfig("StrictHostKeyChecking", "no");
            session.connect(10_000);
            try {
                ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
                sftp.connect(10_000);
                assertThat(sftp.pwd()).isEqualTo("/");
                sftp.mkdir("drop");
                sftp.put(new ByteArrayInputStream("XK_WSH\n".getBytes(StandardCharsets.UTF_8)), "drop/a.csv");
                assertThat(sftp.ls("drop")).extracting(e -> ((ChannelSftp.LsEntry) e).getFilename()).contains("a.csv");
                sftp.disconnect();
            } finally {
                session.disconnect();
            }
        }
        assertThat(Files.readString(dir.resolve("sftp/sthjj/drop/a.csv"))).isEqualTo("XK_WSH\n");
    }
}
