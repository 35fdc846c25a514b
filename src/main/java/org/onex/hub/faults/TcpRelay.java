package org.onex.hub.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on a local port in front of a real server, for failure injection: {@link #cut()} closes the
 * listener and every open connection (the server is "down" for its clients), {@link #restore()} listens on the
 * same port again; {@link #freeze()} keeps the open connections but lets no more byte through them, as a firewall
 * or NAT that forgets a connection does (new connections pass). Used by the fault suite (a department database, the
 * broker's acceptor) and by the tests.
 */
public final class TcpRelay implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private final AtomicInteger generation = new AtomicInteger();
    private volatile int frozenBelow;

    public TcpRelay(String targetHost, int targetPort) {
        this.port = FaultPorts.free();
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        restore();
    }

    public int port() {
        return port;
    }

    public synchronized void restore() {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = s;
            Thread t = new Thread(() -> accept(s), "tcp-proxy-" + port);
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
    }

    public synchronized void cut() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        sockets.clear();
    }

    /**
     * The connections open now stay open and silent for good: what either side sends is dropped. Connections made
     * later pass as before.
     */
    public void freeze() {
        frozenBelow = generation.get();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                int connection = generation.incrementAndGet();
                pipe(client, server, connection);
                pipe(server, client, connection);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, int connection) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (connection > frozenBelow) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // connection closed
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }, "tcp-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        cut();
    }
}
