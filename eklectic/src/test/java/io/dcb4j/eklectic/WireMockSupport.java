package io.dcb4j.eklectic;

import io.dcb4j.core.testing.WireMockTestSupport;
import io.dcb4j.core.testing.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import java.time.Duration;
import java.time.Instant;

/** Shared WireMock server (127.0.0.1, dynamic port), fast options, the document's payloads. */
abstract class WireMockSupport extends WireMockTestSupport {

    static final String CLIENT_ID = "0XXeX59-88f6-11ec-9feb-fa163XXXXX8b3";
    static final String CLIENT_SECRET = "8a032d99XXXXXXXXXXXXX551c4dd";
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJqdGkiOiI2MjB1NTQzODFhMTE0IiwiaWF0IjoxNjQ1MTA2MjMyLCJpc3MiOiJwYXltZW50LmVrbGVjdG1jLnRuIiwic3ViIjoiaW51ImV4cCI6MTY0NTE0OTQzMn0.BqrDupCf1FAvF-qde18mzwDQQVq4Qzmdygc5mh492pQ";

    final MutableClock clock = new MutableClock(Instant.parse("2022-02-17T14:00:00Z"));

    static String resource(String name) {
        return classpathText("/eklectic/" + name);
    }

    ClientOptions.Builder fastOptions() {
        return ClientOptions.builder().allowInsecureHttp(true)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(2)).build())
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10))
                .clock(clock);
    }

    String baseUrl() {
        return wm.baseUrl() + "/API";
    }

    EklecticClient client() {
        return EklecticClient.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).baseUrl(baseUrl())
                .options(fastOptions().build()).build();
    }

    static void stubToken() {
        wm.stubFor(post(urlPathEqualTo("/API/oauth/token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(resource("token-answer.json"))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

}
