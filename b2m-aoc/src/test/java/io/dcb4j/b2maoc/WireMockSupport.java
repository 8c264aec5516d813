package io.dcb4j.b2maoc;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server on 127.0.0.1 (dynamic port) and a client pointed at it, for every test class. */
abstract class WireMockSupport {

    static WireMockServer wm;

    B2mAocClient client;

    @BeforeAll
    static void startServer() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterAll
    static void stopServer() {
        wm.stop();
    }

    @BeforeEach
    void newClient() {
        wm.resetAll();
        client = builder().build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    static ClientOptions fastOptions() {
        return ClientOptions.builder().allowInsecureHttp(true)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1)).jitter(0).build())
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10)).build();
    }

    static B2mAocClient.Builder builder() {
        return B2mAocClient.builder().baseUrl(wm.baseUrl()).options(fastOptions());
    }

    static String resource(String name) {
        try (InputStream in = WireMockSupport.class.getResourceAsStream("/b2m-aoc/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON answer with HTTP 200. */
    static ResponseDefinitionBuilder json(String resource) {
        return answer(200, resource(resource));
    }

    /** The gateway's error style: HTTP 203 with a JSON envelope. */
    static ResponseDefinitionBuilder json203(String resource) {
        return answer(203, resource(resource));
    }

    static ResponseDefinitionBuilder answer(int status, String body) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
