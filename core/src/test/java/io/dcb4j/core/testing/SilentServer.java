package io.dcb4j.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server on 127.0.0.1 that reads each request and then never answers, except for the paths
 * given to {@link #answer}: the silent peer that read timeouts, call deadlines and interrupts are tested
 * against. A test waits for a request to arrive with {@link #awaitSilent} (no sleeping), then knows the client
 * is blocked on its socket. Shared with the provider modules through the core test-jar.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Semaphore silent = new Semaphore(0);

    private SilentServer() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "silent-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a server.
     *
     * @return the running server
     */
    public static SilentServer start() {
        try {
            return new SilentServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the silent server", e);
        }
    }

    /**
     * Answers requests to a path (query ignored) at once with 200 and a JSON body, instead of staying silent.
     *
     * @param pathRegex the path, a regular expression, for example {@code /api/oauth/token}
     * @param json the body
     * @return this server
     */
    public SilentServer answer(String pathRegex, String json) {
        answers.put(pathRegex, json);
        return this;
    }

    /**
     * The base URL, for example {@code http://127.0.0.1:40123}.
     *
     * @return the URL
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Every request line received so far ({@code GET /path HTTP/1.1}), answered or not.
     *
     * @return the lines
     */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /**
     * The requests received so far whose path starts with {@code prefix}.
     *
     * @param prefix for example {@code /api/oauth/token}
     * @return how many
     */
    public long count(String prefix) {
        return requests.stream().filter(r -> r.split(" ").length > 1 && r.split(" ")[1].startsWith(prefix)).count();
    }

    /**
     * Waits until {@code n} more requests have been read and left unanswered.
     *
     * @param n how many
     * @param timeout the most to wait
     * @param unit its unit
     * @return false when they did not come in time
     * @throws InterruptedException when the test thread is interrupted
     */
    public boolean awaitSilent(int n, long timeout, TimeUnit unit) throws InterruptedException {
        return silent.tryAcquire(n, timeout, unit);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "silent-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                requests.add(lines[0]);
                long length = 0;
                for (String line : lines) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                    }
                }
                in.skipNBytes(length);
                String[] parts = lines[0].split(" ");
                String path = parts.length > 1 ? parts[1].split("\\?")[0] : "";
                String body = answers.entrySet().stream().filter(e -> path.matches(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (body == null) {
                    silent.release();
                    // never answer; hold the connection until the client gives up or the server closes
                    while (in.read() >= 0) {
                        // discard
                    }
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads up to the blank line after the headers; null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (c == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /** Closes the server and every connection it holds. */
    @Override
    public void close() {
        try {
            server.close();
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
    }
}
