package io.dcb4j.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InvalidPinException;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void scrubsMsisdnsTokensAndSecrets() {
        String s = Redaction.scrubText("user +21612345678 token Bearer eyJhbGciOi.abc.def "
                + "{\"access_token\":\"AT-1\",\"pin\":\"4321\",\"p\":\"pw\"} ?client_secret=xyz&grant_type=password");
        assertThat(s).contains("+2161*****78").contains("Bearer ***").contains("\"access_token\":\"***\"")
                .contains("\"pin\":\"***\"").contains("\"p\":\"***\"").contains("client_secret=***")
                .contains("grant_type=password")
                .doesNotContain("21612345678").doesNotContain("eyJhbGciOi").doesNotContain("AT-1")
                .doesNotContain("4321").doesNotContain("xyz");
    }

    @Test
    void exceptionMessagesAreScrubbed() {
        InvalidPinException e = new InvalidPinException("PIN rejected for 971500000000",
                ErrorContext.of("infomedia", "join").withHttpStatus(200)
                        .withProviderError("09", "Invalid PIN for 971500000000").withRequestId("rq-1"), null);
        assertThat(e.getMessage()).doesNotContain("971500000000").contains("9715******00")
                .contains("provider=infomedia").contains("operation=join").contains("httpStatus=200")
                .contains("code=09").contains("requestId=rq-1");
        assertThat(e.providerMessage()).contains("Invalid PIN for 9715******00");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void excerptsAreShortAndSingleLine() {
        assertThat(Redaction.excerpt("a\nb" + "x".repeat(500), 10)).isEqualTo("a bxxxxxxx...");
    }
}
