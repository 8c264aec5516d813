package io.dcb4j.b2maoc;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.b2maoc.model.SpTransactionId;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.testing.WireMockTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server on 127.0.0.1 (dynamic port) and a client pointed at it, for every test class. */
abstract class WireMockSupport extends WireMockTestSupport {

    B2mAocClient client;

    @BeforeEach
    void newClient() {
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

    /** A charge's transaction id. */
    static AocTransactionId aoc(String id) {
        return AocTransactionId.of(id);
    }

    /** A subscription's transaction id. */
    static SpTransactionId sp(String id) {
        return SpTransactionId.of(id);
    }

    static String resource(String name) {
        return classpathText("/b2m-aoc/" + name);
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
