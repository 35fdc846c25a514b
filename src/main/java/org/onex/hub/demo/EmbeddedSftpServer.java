package org.onex.hub.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server in the hub's own process (Apache MINA SSHD), standing in for a department's file
 * server in the embedded default and in the tests. Each user is jailed in its own home folder; the
 * host key is generated once and kept, so a known-hosts entry stays valid across restarts.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    private final SshServer server;
    private final Path root;

    private EmbeddedSftpServer(SshServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /**
     * Starts on 127.0.0.1:{@code port} (0 = any free port). {@code users} maps user name to password;
     * each user's home is {@code root/<user>}. A relative {@code root} (the default {@code ./data}) is taken
     * from the working directory: MINA's virtual file system answers a client's first "current directory"
     * with "Invalid filename" on a relative root.
     */
    public static EmbeddedSftpServer start(int port, Path directory, Map<String, String> users) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            VirtualFileSystemFactory fs = new VirtualFileSystemFactory(root);
            for (String user : users.keySet()) {
                Path home = Files.createDirectories(root.resolve(user));
                fs.setUserHomeDir(user, home);
            }
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost("127.0.0.1");
            sshd.setPort(port);
            sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolve(".host-key.ser")));
            sshd.setPasswordAuthenticator((user, password, session) -> password != null
                    && password.equals(users.get(user)));
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
            sshd.setFileSystemFactory(fs);
            sshd.start();
            return new EmbeddedSftpServer(sshd, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded SFTP server on port " + port, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The local folder behind a user's SFTP home. */
    public Path home(String user) {
        return root.resolve(user);
    }

    /** A known_hosts line for this server, for clients that check host keys. */
    public String knownHostsLine() {
        try {
            var key = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
            String entry = org.apache.sshd.common.config.keys.PublicKeyEntry.toString(key);
            return "[127.0.0.1]:" + port() + " " + entry;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the host key of the embedded SFTP server", e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
