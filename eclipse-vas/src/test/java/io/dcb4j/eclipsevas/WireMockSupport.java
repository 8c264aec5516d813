package io.dcb4j.eclipsevas;

import io.dcb4j.core.testing.WireMockTestSupport;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server on a dynamic loopback port, the document payloads, and a client wired to both. */
abstract class WireMockSupport extends WireMockTestSupport {

    static final long TENANT = 242;
    static final String T = "/eclipse-conductor/rest/v1/tenants/242";
    static final String LOGIN = "/eclipse-conductor/rest/v1/authentication/login";
    static final String IDENTITY = "api-user@example.com";
    static final String PASSWORD = "S3cr3t-Pa55word!";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLXNlY3JldA";
    static final String BEARER = "Bearer " + JWT;

    @BeforeEach
    void resetWireMock() {
        wm.stubFor(post(LOGIN).willReturn(okJson(res("login.json"))));
    }

    static String res(String name) {
        return classpathText("/eclipse-vas/" + name);
    }

    static ClientOptions.Builder fast() {
        return ClientOptions.builder().allowInsecureHttp(true)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1)).build())
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10));
    }

    static EclipseVasClient.Builder builder() {
        return EclipseVasClient.builder().baseUrl(wm.baseUrl()).tenantId(TENANT).credentials(IDENTITY, PASSWORD)
                .options(fast().build());
    }

    static EclipseVasClient client() {
        return builder().build();
    }

    /** A minimal PENDING payment answer for the walk-throughs whose document shows none. */
    static String pending(long paymentId, String externalUniqueId) {
        return "{\"paymentId\": " + paymentId + ", \"externalUniqueId\": \"" + externalUniqueId
                + "\", \"status\": \"PENDING\", \"paymentType\": \"GLOBAL_VAS\", \"customerId\": 723689,"
                + " \"created\": \"2024-03-01T08:00:00.000Z\"}";
    }
}
