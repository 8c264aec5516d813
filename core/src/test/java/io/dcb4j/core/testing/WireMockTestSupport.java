package io.dcb4j.core.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of provider tests, shared through the core test-jar: one WireMock server per test class on
 * 127.0.0.1 and a dynamic port, reset before each test; client options fit for loopback tests; classpath
 * payloads.
 */
public abstract class WireMockTestSupport {

    /** The server of the running test class. */
    protected static WireMockServer wm;

    @BeforeAll
    static void startSharedWireMock() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterAll
    static void stopSharedWireMock() {
        wm.stop();
    }

    @BeforeEach
    void resetSharedWireMock() {
        wm.resetAll();
    }

    /**
     * Options for loopback tests: http allowed, three attempts with a 1 ms backoff, 5 s read and 10 s call
     * timeouts.
     *
     * @return the builder, to adjust further
     */
    public static ClientOptions.Builder fastOptionsBuilder() {
        return ClientOptions.builder().allowInsecureHttp(true)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1)).build())
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10));
    }

    /**
     * A UTF-8 test resource.
     *
     * @param path the absolute classpath path, for example {@code /eklectic/token.json}
     * @return its text
     */
    public static String classpathText(String path) {
        try (InputStream in = WireMockTestSupport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
