package io.dcb4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code dcb} CLI prints what dcb4j cleaned: a provider that echoes the client secret, a phone number and
 * terminal escape sequences in an error cannot get any of it onto the terminal, in the one-line error or in
 * the verbose stack trace.
 */
class CliScrubbingTest {

    static final String SECRET = "CLI-SECRET-9f3e7a";
    static final String HOSTILE = "{\"error\":\"invalid_client\",\"error_description\":\"secret " + SECRET
            + " refused for +216 98 765 432\\r\\n\\u001b[2J\\u001b[31mdcb: FORGED\\u202egnp.exe\"}";

    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = HOSTILE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Request-Id", "rq-" + SECRET + " 216-98-765-432");
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("DCB_EKLECTIC_CLIENT_ID", "cli-client", "DCB_EKLECTIC_CLIENT_SECRET", SECRET);
        int exit = DcbCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env).execute(args);
        assertThat(exit).as("rejected credentials: a configuration error").isEqualTo(3);
        assertThat(out.toString()).isEmpty();
        return err.toString();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/API";
    }

    @Test
    void theErrorLineShowsNoEchoedSecretNumberOrEscapeSequence() {
        String err = run("status", "--provider", "eklectic", "--base-url", baseUrl(), "--subscription", "23939206");
        assertThat(err).isEqualTo("dcb: AuthenticationException: client credentials rejected by the token endpoint: "
                + "HTTP 401 [provider=eklectic, operation=token, httpStatus=401, code=invalid_client, message=secret *** "
                + "refused for +216 9* *** *32 dcb: FORGEDgnp.exe, requestId=rq-*** 216-9*-***-*32]" + System.lineSeparator());
    }

    @Test
    void theVerboseStackTraceIsCleanedToo() {
        String err = run("-v", "status", "--provider", "eklectic", "--base-url", baseUrl(), "--subscription", "23939206");
        assertThat(err).contains("io.dcb4j.core.error.AuthenticationException: client credentials rejected", "\tat ")
                .doesNotContain(SECRET, "98 765 432", "\u001b", "\r", "\u202e");
        assertThat(err.lines().filter(l -> l.startsWith("dcb: "))).hasSize(1);
    }
}
