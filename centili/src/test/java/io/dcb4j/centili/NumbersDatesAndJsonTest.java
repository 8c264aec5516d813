package io.dcb4j.centili;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.centili.model.TransactionStatus;
import io.dcb4j.centili.notification.CentiliNotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.notification.InboundNotification;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile token lifetimes, numbers and repeated keys from Centili: saturated or refused with a
 * {@link DcbProtocolException}, never an ArithmeticException or DateTimeException on every call.
 */
class NumbersDatesAndJsonTest extends CentiliTestSupport {

    static void stubToken(String expiresIn, String refreshExpiresIn) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(jsonText(200, "{\"access_token\":\"" + ACCESS_TOKEN
                + "\",\"expires_in\":" + expiresIn + ",\"refresh_token\":\"" + REFRESH_TOKEN
                + "\",\"refresh_expires_in\":" + refreshExpiresIn + ",\"token_type\":\"Bearer\"}")));
    }

    @Test
    void absurdTokenLifetimesAreSaturatedNotThrownOnEveryCall() {
        // jqwik's response properties found this one: expires_in 1e17 overflowed Instant on every call
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
        for (String life : new String[] {"9223372036854775807", "1e17", "\"1e17\"", "1e999999999",
                "99999999999999999999999"}) {
            wm.resetRequests();
            stubToken(life, life);
            try (CentiliClient c = client()) {
                assertThat(c.transaction("tx-1001").transactionId()).as(life).isEqualTo("tx-1001");
                clock.advance(Duration.ofDays(300));
                c.transaction("tx-1001");
                wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
                clock.advance(Duration.ofDays(66));
                c.transaction("tx-1001");
                wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
            }
        }
    }

    @Test
    void aLifetimeShorterThanTheSkewIsUsedForHalfOfIt() {
        stubToken("20", "0");
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
        try (CentiliClient c = client()) {
            c.transaction("tx-1001");
            clock.advance(Duration.ofSeconds(9));
            c.transaction("tx-1001");
            wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
            clock.advance(Duration.ofSeconds(1));
            c.transaction("tx-1001");
            wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        }
    }

    @Test
    void aLifetimeThatIsNotANumberIsAProtocolErrorOfTheTokenCall() {
        stubToken("\"soon\"", "0");
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.transaction("tx-1001")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("'expires_in' is not a number of seconds");
        }
    }

    @Test
    void aTransactionStatusGivenTwiceWithDifferentValuesIsAmbiguous() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(jsonText(200, "{\"transactionId\":\"tx-1001\","
                + "\"transactionStatus\":\"COMPLETED\",\"item\":{\"price\":\"1.99\"},\"transactionStatus\":\"FAILED\"}")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.transaction("tx-1001")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("ambiguous").hasMessageContaining("'transactionStatus'");
        }
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(jsonText(200, "{\"transactionId\":\"tx-1001\","
                + "\"transactionStatus\":\"COMPLETED\",\"transactionStatus\":\"COMPLETED\"}")));
        try (CentiliClient c = client()) {
            assertThat(c.transaction("tx-1001").transactionStatus()).isEqualTo(TransactionStatus.COMPLETED);
        }
    }

    @Test
    void aNotificationQuantityWithAHugeExponentIsRefused() {
        CentiliNotificationParser parser = CentiliNotificationParser.builder().sharedSecret("s3cr3t").build();
        for (String amount : new String[] {"1e999999999", "-1e-999999999"}) {
            assertThatThrownBy(() -> parser.parsePayment(InboundNotification.get("/cb?secret=s3cr3t"
                    + "&transactionid=tx-1&status=success&amount=" + amount)))
                    .as(amount).isInstanceOf(DcbProtocolException.class)
                    .hasMessageStartingWith("notification amount is not a plain non-negative number");
        }
        assertThat(parser.parsePayment(InboundNotification.get("/cb?secret=s3cr3t&transactionid=tx-1&status=success"
                + "&amount=5")).quantity()).isEqualByComparingTo("5");
    }

    @Test
    void aPriceToChargeMustBePositiveAndBounded() {
        for (String bad : new String[] {"-1", "0"}) {
            assertThatThrownBy(() -> StartTransactionRequest.builder("svc").price(new BigDecimal(bad)).build())
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("price must be greater than zero");
        }
        assertThatThrownBy(() -> StartTransactionRequest.builder("svc").price(new BigDecimal("1e999999999")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("price is out of range");
        assertThat(StartTransactionRequest.builder("svc").build().price()).isNull();
    }
}
