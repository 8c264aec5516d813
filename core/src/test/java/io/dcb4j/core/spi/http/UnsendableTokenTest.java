package io.dcb4j.core.spi.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.testing.WireMockTestSupport;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A counterexample the reliability suite's response properties found, kept as a plain example: a token with
 * characters OkHttp cannot put in a header escaped as an IllegalArgumentException quoting the value and stayed
 * cached until it expired.
 */
class UnsendableTokenTest extends WireMockTestSupport {

    @Test
    void aTokenThatIsNotAValidHeaderValueIsAProtocolErrorQuotingNothingAndIsDropped() {
        wm.stubFor(get("/api/things/1").willReturn(okJson("{\"a\":1}")));
        for (String bad : List.of("tok\u0007bell", "tok\r\nX-Injected: 1", "tok\u00e9t\u00e9")) {
            wm.resetRequests();
            AtomicInteger fetches = new AtomicInteger();
            CachingTokenProvider tokens = CachingTokenProvider.builder("k", previous -> AccessToken.bearer(
                    fetches.incrementAndGet() == 1 ? bad : "tok-good", Instant.now(), Duration.ofHours(1))).build();
            ClientOptions options = fastOptionsBuilder().build();
            try (HttpTransport t = HttpTransport.builder("test", options).baseUrl("base-url", wm.baseUrl() + "/api")
                    .tokens(tokens).build()) {
                ApiRequest request = ApiRequest.get("thing", t.url("things/1").build()).build();
                assertThatThrownBy(() -> t.execute(request)).as(bad).isInstanceOf(DcbProtocolException.class)
                        .hasMessageContaining("token cannot be sent").hasMessageNotContaining(bad.substring(4))
                        .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("thing"));
                wm.verify(0, getRequestedFor(urlPathEqualTo("/api/things/1")));
                // the bad token was dropped: the next call fetches a new one instead of failing until expiry
                assertThat(t.execute(request).status()).isEqualTo(200);
                wm.verify(1, getRequestedFor(urlPathEqualTo("/api/things/1"))
                        .withHeader("Authorization", equalTo("Bearer tok-good")));
                assertThat(fetches).hasValue(2);
            }
        }
    }
}
