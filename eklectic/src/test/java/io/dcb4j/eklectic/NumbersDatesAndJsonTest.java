package io.dcb4j.eklectic;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.eklectic.model.Subscriber;
import io.dcb4j.eklectic.notification.EklecticNotificationParser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Hostile numbers, lifetimes, dates and repeated JSON keys from Eklectic: saturated or refused with a
 * {@link DcbProtocolException}, never an ArithmeticException, a DateTimeException or a gigabyte string.
 */
class NumbersDatesAndJsonTest extends WireMockSupport {

    static void stubToken(String expiresIn) {
        wm.stubFor(post(urlPathEqualTo("/API/oauth/token")).willReturn(json("{\"access_token\":\"tok-1\","
                + "\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}")));
    }

    @Test
    void absurdTokenLifetimesAreSaturatedNotThrownOnEveryCall() {
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        for (String expiresIn : new String[] {"9223372036854775807", "1e17", "\"1e17\"", "1e999999999",
                "99999999999999999999999", "\"9223372036854775807\""}) {
            wm.resetRequests();
            stubToken(expiresIn);
            try (EklecticClient c = client()) {
                assertThat(c.subscription("23939206").id()).as(expiresIn).isEqualTo("23939206");
                clock.advance(Duration.ofDays(300));
                c.subscription("23939206");
                // the token lives the maximum of 365 days, so it is still cached 300 days later
                wm.verify(1, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
                clock.advance(Duration.ofDays(66));
                c.subscription("23939206");
                wm.verify(2, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
            }
        }
    }

    @Test
    void aLifetimeShorterThanTheSkewIsUsedForHalfOfItInsteadOfFetchedOnEveryCall() {
        stubToken("30");
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        try (EklecticClient c = client()) {
            c.subscription("23939206");
            c.subscription("23939206");
            clock.advance(Duration.ofSeconds(14));
            c.subscription("23939206");
            wm.verify(1, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
            clock.advance(Duration.ofSeconds(1));
            c.subscription("23939206");
            wm.verify(2, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
        }
    }

    @Test
    void aLifetimeThatIsNotAPositiveNumberIsAProtocolErrorOfTheTokenCall() {
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        for (String expiresIn : new String[] {"\"soon\"", "0", "-5", "-1e999999999", "true"}) {
            stubToken(expiresIn);
            try (EklecticClient c = client()) {
                assertThatThrownBy(() -> c.subscription("23939206")).as(expiresIn)
                        .isInstanceOf(DcbProtocolException.class).hasMessageContaining("'expires_in'")
                        .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("token"));
            }
        }
    }

    @Test
    void aSubscriberStateGivenTwiceWithDifferentValuesIsAmbiguous() {
        stubToken("43200");
        wm.stubFor(get("/API/subscription/23939206").willReturn(json("{\"user\":{\"id\":\"23939206\","
                + "\"state\":\"ACTIVE\",\"status\":1,\"state\":\"SUSPENDED\"}}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.subscription("23939206")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("ambiguous").hasMessageContaining("'state'")
                    .satisfies(e -> assertThat(((DcbProtocolException) e).httpStatus()).hasValue(200));
        }
        wm.stubFor(get("/API/subscription/23939206").willReturn(json("{\"user\":{\"id\":\"23939206\","
                + "\"state\":\"ACTIVE\",\"state\":\"ACTIVE\"}}")));
        try (EklecticClient c = client()) {
            assertThat(c.subscription("23939206").state()).isEqualTo(SubscriptionState.ACTIVE);
        }
    }

    @Test
    void datesWithAnyOffsetSpellingAreRead() {
        stubToken("43200");
        for (String date : new String[] {"2022-03-17T14:02:10.000+0000", "2022-03-17T15:02:10+01:00",
                "2022-03-17T14:02:10Z", "2022-03-17 15:02:10+0100"}) {
            wm.stubFor(get("/API/subscription/23939206").willReturn(json("{\"user\":{\"id\":\"23939206\","
                    + "\"expire_date\":\"" + date + "\"}}")));
            try (EklecticClient c = client()) {
                Subscriber s = c.subscription("23939206");
                assertThat(s.expiresAt()).as(date).isEqualTo(Instant.parse("2022-03-17T14:02:10Z"));
            }
        }
    }

    @Test
    void anAuthenticatedCallbackWithAHugeExponentIsRefusedNamingTheAmount() {
        EklecticNotificationParser parser = EklecticNotificationParser.builder().sharedSecret("secret", "s3cr3t-value")
                .build();
        String base = "/cb?secret=s3cr3t-value&action=RENEW&subscriptionid=23939206&transaction=tx-1&offreid=123"
                + "&date=2022-02-17+15:11:18&amount=";
        for (String amount : new String[] {"1e999999999", "1E%2B999999999", "-1e-999999999", "1e21"}) {
            assertThatThrownBy(() -> parser.parse(InboundNotification.get(base + amount))).as(amount)
                    .isInstanceOf(DcbProtocolException.class)
                    .hasMessage("callback parameter 'amount' is out of range: more than 40 significant digits, or a"
                            + " scale beyond -20..20 [provider=eklectic, operation=parseNotification]");
        }
        BillingEvent ok = parser.parse(InboundNotification.get(base + "1.500"));
        assertThat(ok.amount().orElseThrow().toString()).isEqualTo("1.500 TND");
    }
}
