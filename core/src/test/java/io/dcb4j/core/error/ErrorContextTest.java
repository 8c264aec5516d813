package io.dcb4j.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorContextTest {

    @Test
    void secretsAreMaskedInEveryProviderTextAndInTheSummaryWhenEverTheyArrive() {
        ErrorContext early = ErrorContext.of("centili", "token").redacting(List.of("Sx-81f2", "pw!2345"))
                .withHttpStatus(401).withProviderError("bad Sx-81f2", "user pw!2345 refused").withRequestId("rq-Sx-81f2");
        ErrorContext late = ErrorContext.of("centili", "token").withHttpStatus(401)
                .withProviderError("bad Sx-81f2", "user pw!2345 refused").withRequestId("rq-Sx-81f2")
                .redacting(List.of("Sx-81f2", "pw!2345"));
        for (ErrorContext c : List.of(early, late)) {
            assertThat(c.providerCode()).isEqualTo("bad ***");
            assertThat(c.providerMessage()).isEqualTo("user *** refused");
            assertThat(c.requestId()).isEqualTo("rq-***");
            AuthenticationException e = new AuthenticationException("refused: Sx-81f2", c, null);
            assertThat(e.getMessage()).isEqualTo("refused: *** [provider=centili, operation=token, httpStatus=401, "
                    + "code=bad ***, message=user *** refused, requestId=rq-***]");
            assertThat(c.toString()).isEqualTo("ErrorContext[provider=centili, operation=token, httpStatus=401, "
                    + "code=bad ***, message=user *** refused, requestId=rq-***]");
        }
        assertThat(early).isEqualTo(late).hasSameHashCodeAs(late);
        assertThat(early.redacting(List.of())).isSameAs(early);
        assertThat(early.redacting(List.of("Sx-81f2"))).isSameAs(early);
    }

    @Test
    void theConstructorCleansLikeTheCopies() {
        ErrorContext c = new ErrorContext("p", "op", 400, "E\u001b[31m1", "call +216 98 765 432\r\nnow", "r\u202E1");
        assertThat(c.providerCode()).isEqualTo("E1");
        assertThat(c.providerMessage()).isEqualTo("call +216 9* *** *32 now");
        assertThat(c.requestId()).isEqualTo("r1");
        assertThat(c.reference()).isEmpty();
        assertThat(c).isEqualTo(ErrorContext.of("p", "op").withHttpStatus(400)
                .withProviderError("E1", "call +216 98 765 432 now").withRequestId("r1"));
    }

    @Test
    void aReferenceIsCleanedButItsDigitsAreKept() {
        ErrorContext c = ErrorContext.of("eclipse-vas", "completePayment")
                .withReference(new ProviderReference("paymentId", "1725651234\r\n\u202E"));
        assertThat(c.reference()).hasValue(new ProviderReference("paymentId", "1725651234"));
        DcbTransportException e = new DcbTransportException("outcome unknown", c, false, null);
        assertThat(e.reference().orElseThrow().id()).isEqualTo("1725651234");
        assertThat(e.reference().orElseThrow().toString()).isEqualTo("paymentId 1725651234");
        assertThat(e.getMessage()).isEqualTo("outcome unknown [provider=eclipse-vas, operation=completePayment, "
                + "reference=paymentId 1725651234]");
        assertThat(new ProviderReference("id", "x".repeat(10_000)).id()).hasSize(300).endsWith("...[truncated]");
        assertThatThrownBy(() -> new ProviderReference("id", " \u202E ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summariesKeepRoomForDcb4jsOwnWordsButAreCut() {
        String keys = "known keys: " + "some-configuration-key, ".repeat(30);
        assertThat(new ConfigurationException(keys, ErrorContext.of("p", "configure"), null).getMessage())
                .isEqualTo(keys.strip() + " [provider=p, operation=configure]");
        String quoted = "answer is neither OK nor KO: '" + "\u001b[31m".repeat(10) + "x".repeat(3_000_000) + "'";
        String message = new DcbProtocolException(quoted, ErrorContext.of("p", "op"), null).getMessage();
        assertThat(message).startsWith("answer is neither OK nor KO: 'xxx").doesNotContain("\u001b")
                .endsWith("...[truncated] [provider=p, operation=op]").hasSize(1000 + " [provider=p, operation=op]".length());
    }
}
