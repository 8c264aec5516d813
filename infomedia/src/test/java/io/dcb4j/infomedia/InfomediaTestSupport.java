package io.dcb4j.infomedia;

import io.dcb4j.core.testing.WireMockTestSupport;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import java.time.Duration;

/** WireMock on 127.0.0.1, fast retries, the document payloads. */
abstract class InfomediaTestSupport extends WireMockTestSupport {

    static final String API_KEY = "k3y-SECRET-api-4711";
    static final String USERNAME = "merchant-user-77";
    static final String PASSWORD = "pa55-SECRET-word";
    static final String MSISDN = "971500000000";

    static ClientOptions fastOptions() {
        return ClientOptions.builder().allowInsecureHttp(true)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1)).build())
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10)).build();
    }

    static String baseUrl() {
        return wm.baseUrl() + "/dcb";
    }

    static InfomediaClient.Builder clientBuilder() {
        return InfomediaClient.builder().apiKey(API_KEY).username(USERNAME).password(PASSWORD).baseUrl(baseUrl())
                .options(fastOptions());
    }

    static InfomediaClient client() {
        return clientBuilder().build();
    }

    static String resource(String name) {
        return classpathText("/infomedia/" + name);
    }

    /** The document's request body with the test credentials instead of the placeholders. */
    static String documentRequest() {
        return resource("join-request.json").replace("\"username\"", "\"" + USERNAME + "\"")
                .replace("\"password\"", "\"" + PASSWORD + "\"");
    }

    /** The document's request body with a PIN field added. */
    static String documentRequestWithPin(String field, String pin) {
        return documentRequest().replaceFirst("\\{", "{\"" + field + "\": \"" + pin + "\",");
    }
}
