package io.dcb4j.core.spi.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.ClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Which values of a request are kept out of every exception, JSON bodies read in one pass over their bytes. */
class RequestSecretsTest {

    private static final HttpUrl URL = HttpUrl.get("https://api.example.com/v1/pay");
    private static final ClientOptions OPTIONS = ClientOptions.builder().build();

    private static List<String> json(String text) {
        List<String> out = new ArrayList<>();
        RequestSecrets.collectJson(text.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    @Test
    void theMembersWithACredentialNameAtAnyDepthAreCollectedAndNothingElse() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("Password", "hunter2-pw");
        inner.put("note", "password");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msisdn", "21612345678");
        body.put("user", inner);
        body.put("list", List.of("token", Map.of("PIN", "987654")));
        body.put("client_secret", "s3cr3t-value");
        ApiRequest request = ApiRequest.post("pay", URL).jsonBody(body).build();

        assertThat(RequestSecrets.of(request, OPTIONS)).containsExactly("hunter2-pw", "987654", "s3cr3t-value");
    }

    @Test
    void stringValuesAreUnescapedAndOtherValuesKeptAsWritten() {
        assertThat(json("{\"pin\":\"a\\\"b\\\\c\\/d\\u00e9\\ne\"}")).containsExactly("a\"b\\c/d\u00e9\ne");
        assertThat(json("{\"pin\" : 12345678, \"otp\":true,\"code\":null, \"token\":1.5E+10}"))
                .containsExactly("12345678", "true", "null", "1.5E+10");
        assertThat(json("{\"password\":\"\\ud83d\\ude00pass\"}")).containsExactly("\ud83d\ude00pass");
        assertThat(json("{\"password\":\"caf\u00e9-\u4e2d\u6587\"}")).containsExactly("caf\u00e9-\u4e2d\u6587");
    }

    @Test
    void namesAreComparedAsRedactionComparesThem() {
        // escaped and non-ASCII names are decoded first: U+212A KELVIN SIGN lower-cases to 'k'
        assertThat(json("{\"to\\u006ben\":\"escaped-name\",\"to\u212Aen\":\"kelvin-name\",\"TOKEN\":\"upper\"}"))
                .containsExactly("escaped-name", "kelvin-name", "upper");
        // a sensitive word as a value, in an array or as part of a longer name is not a member name
        assertThat(json("{\"a\":\"token\",\"b\":[\"pin\",\"code\"],\"pinned\":\"xxxx\",\"tokens\":\"yyyy\"}"))
                .isEmpty();
        // an object or array under a sensitive name is searched, not collected whole
        assertThat(json("{\"token\":{\"value\":\"v1v1v1\",\"secret\":\"inner-secret\"},\"pin\":[\"1111\"]}"))
                .containsExactly("inner-secret");
    }

    @Test
    void shortValuesAreLeftOutAsForEveryAutomaticallyCollectedValue() {
        assertThat(json("{\"pin\":\"123\",\"p\":\" 4567 \"}")).containsExactly(" 4567 ", "4567");
    }

    @Test
    void headersQueryAndFormFieldsAreCollectedPlainHeadersAreNot() {
        ApiRequest request = ApiRequest.post("pay", URL.newBuilder().addQueryParameter("api_key", "query-key-1")
                        .addQueryParameter("amount", "100000").build())
                .header("Content-Type", "application/json").header("X-Session", "session-value")
                .formBody(Map.of("password", "form-password")).build();

        assertThat(RequestSecrets.of(request, OPTIONS))
                .containsExactlyInAnyOrder("session-value", "query-key-1", "form-password");
    }
}
