package io.dcb4j.eclipsevas;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.testing.MutableClock;
import io.dcb4j.eclipsevas.model.Payment;
import io.dcb4j.eclipsevas.model.PaymentData;
import io.dcb4j.eclipsevas.model.PaymentRequest;
import io.dcb4j.eclipsevas.model.PaymentStatus;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import io.dcb4j.eclipsevas.notification.EclipseVasNotificationParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Hostile numbers, login expiries, timestamps and repeated keys from Eclipse VAS: read, saturated or refused
 * with a {@link DcbProtocolException} naming the field, never an OutOfMemoryError, a DateTimeException or a
 * silently dropped value.
 */
class NumbersDatesAndJsonTest extends WireMockSupport {

    static final String KEY = "tenant-callback-key-0123456789";

    static String payment(String amount, String created) {
        return "{\"paymentId\":172565,\"externalUniqueId\":\"order-1\",\"status\":\"SUCCESSFUL\",\"amount\":" + amount
                + ",\"currency\":\"UGX\",\"paymentType\":\"GLOBAL_VAS\",\"created\":\"" + created + "\"}";
    }

    @Test
    void aPaymentAmountWithAHugeExponentIsAProtocolErrorNamingTheField() {
        try (EclipseVasClient eclipse = client()) {
            for (String amount : new String[] {"1e999999999", "-1e999999999", "\"1e999999999\"", "1e-999999999"}) {
                wm.stubFor(get(T + "/payments/172565").willReturn(okJson(payment(amount, "2024-03-01T08:00:00Z"))));
                assertThatThrownBy(() -> eclipse.payment(172565)).as(amount).isInstanceOf(DcbProtocolException.class)
                        .hasMessageContaining("out of range").hasMessageContaining("'amount'")
                        .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("payment"));
                assertThatThrownBy(() -> eclipse.charges().orElseThrow().status(ChargeRef.of("172565")))
                        .isInstanceOf(DcbProtocolException.class).hasMessageContaining("out of range");
            }
        }
    }

    @Test
    void createdInTheOffsetFormsJavaBackEndsEmitIsRead() {
        try (EclipseVasClient eclipse = client()) {
            for (String created : new String[] {"2024-01-26T15:14:53.000+0000", "2024-01-26T15:14:53+0000",
                    "2024-01-26T15:14:53.000+00:00", "2024-01-26T15:14:53Z", "2024-01-26T18:14:53.000+0300",
                    "2024-01-26T15:14:53", "2024-01-26 15:14:53.0", "1706282093", "1706282093000"}) {
                wm.stubFor(get(T + "/payments/172565").willReturn(okJson(payment("100.00", created))));
                Payment p = eclipse.payment(172565);
                assertThat(p.created()).as(created).isEqualTo(Instant.parse("2024-01-26T15:14:53Z"));
                assertThat(p.amount()).isEqualByComparingTo("100.00");
            }
        }
    }

    @Test
    void aPresentCreatedThatIsNotATimestampIsAProtocolErrorNotANull() {
        try (EclipseVasClient eclipse = client()) {
            for (String created : new String[] {"yesterday", "2024-02-30T10:00:00Z", "26/01/2024 15:14"}) {
                wm.stubFor(get(T + "/payments/172565").willReturn(okJson(payment("100.00", created))));
                assertThatThrownBy(() -> eclipse.payment(172565)).as(created).isInstanceOf(DcbProtocolException.class)
                        .hasMessageContaining("'created' is not a timestamp");
            }
            wm.stubFor(get(T + "/payments/172565").willReturn(okJson(payment("100.00", ""))));
            assertThat(eclipse.payment(172565).created()).isNull();
        }
    }

    @Test
    void aPaymentStatusGivenTwiceWithDifferentValuesIsAmbiguous() {
        try (EclipseVasClient eclipse = client()) {
            wm.stubFor(get(T + "/payments/172565").willReturn(okJson("{\"paymentId\":172565,\"status\":\"SUCCESSFUL\","
                    + "\"amount\":100,\"status\":\"ERROR\"}")));
            assertThatThrownBy(() -> eclipse.payment(172565)).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("ambiguous").hasMessageContaining("'status'");
            wm.stubFor(get(T + "/payments/172565").willReturn(okJson("{\"paymentId\":172565,\"status\":\"SUCCESSFUL\","
                    + "\"amount\":100,\"status\":\"SUCCESSFUL\"}")));
            assertThat(eclipse.payment(172565).status()).isEqualTo(PaymentStatus.SUCCESSFUL);
        }
    }

    @Test
    void absurdLoginExpiriesAreSaturatedNotThrownOnEveryCall() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        wm.stubFor(get(T + "/payments/172565").willReturn(okJson(payment("100.00", "2024-03-01T08:00:00Z"))));
        for (String epoch : new String[] {"9223372036854775807", "1e17", "\"1e999999999\"", "31556889864403200"}) {
            wm.resetRequests();
            wm.stubFor(post(LOGIN).willReturn(okJson("{\"headerName\":\"Authorization\",\"headerValue\":\"" + BEARER
                    + "\",\"expiresEpochSecs\":" + epoch + "}")));
            try (EclipseVasClient eclipse = builder().options(fast().clock(clock).build()).build()) {
                eclipse.payment(172565);
                clock.advance(Duration.ofDays(300));
                eclipse.payment(172565);
                wm.verify(1, postRequestedFor(urlPathEqualTo(LOGIN)));
                clock.advance(Duration.ofDays(66));
                eclipse.payment(172565);
                wm.verify(2, postRequestedFor(urlPathEqualTo(LOGIN)));
            }
        }
        wm.stubFor(post(LOGIN).willReturn(okJson("{\"headerName\":\"Authorization\",\"headerValue\":\"" + BEARER
                + "\",\"expires\":\"+999999999-12-31T23:59:59Z\"}")));
        try (EclipseVasClient eclipse = builder().options(fast().clock(clock).build()).build()) {
            assertThat(eclipse.payment(172565).paymentId()).isEqualTo(172565);
        }
    }

    @Test
    void aLoginExpiryThatIsNotATimestampOrNumberIsAProtocolErrorOfTheLogin() {
        wm.stubFor(get(T + "/payments/172565").willReturn(okJson(payment("100.00", "2024-03-01T08:00:00Z"))));
        for (String fields : new String[] {"\"expires\":\"next week\"", "\"expiresEpochSecs\":\"soon\""}) {
            wm.stubFor(post(LOGIN).willReturn(okJson("{\"headerName\":\"Authorization\",\"headerValue\":\"" + BEARER
                    + "\"," + fields + "}")));
            try (EclipseVasClient eclipse = client()) {
                assertThatThrownBy(() -> eclipse.payment(172565)).as(fields).isInstanceOf(DcbProtocolException.class)
                        .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("login"));
            }
        }
    }

    @Test
    void aLoginHeaderOkHttpCannotSendIsAProtocolErrorOfTheLogin() {
        // a counterexample the response properties found: OkHttp refused the header with an
        // IllegalArgumentException on the next call
        wm.stubFor(get(T + "/payments/172565").willReturn(okJson(payment("100.00", "2024-03-01T08:00:00Z"))));
        for (String header : new String[] {"\"headerName\":\"Bad Name\",\"headerValue\":\"Bearer j\"",
                "\"headerName\":\"Authorization\",\"headerValue\":\"Bearer j\\u0007x\"",
                "\"headerName\":\"Authorization\",\"headerValue\":\"Bearer j\\u00e9\""}) {
            wm.stubFor(post(LOGIN).willReturn(okJson("{" + header + ",\"expiresEpochSecs\":1893492000}")));
            try (EclipseVasClient eclipse = client()) {
                assertThatThrownBy(() -> eclipse.payment(172565)).as(header).isInstanceOf(DcbProtocolException.class)
                        .hasMessageContaining("not a valid HTTP header")
                        .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("login"));
            }
        }
    }

    @Test
    void aSignedCallbackWithAHugeExponentIsRefusedAndOffsetTimesAreRead() {
        EclipseVasNotificationParser parser = EclipseVasNotificationParser.builder().secret(KEY).build();
        String huge = "{\"paymentId\":172565,\"status\":\"SUCCESSFUL\",\"amount\":1e999999999,\"currency\":\"UGX\"}";
        assertThatThrownBy(() -> parser.parse(signed(huge))).isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining("out of range").hasMessageContaining("'amount'")
                .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("parseNotification"));
        String twice = "{\"paymentId\":172565,\"status\":\"SUCCESSFUL\",\"status\":\"ERROR\",\"amount\":100}";
        assertThatThrownBy(() -> parser.parse(signed(twice)))
                .isInstanceOf(io.dcb4j.core.error.NotificationRejectedException.class)
                .hasMessageContaining("'status'");
        String ok = "{\"paymentId\":172565,\"status\":\"SUCCESSFUL\",\"amount\":100.00,\"currency\":\"UGX\","
                + "\"created\":\"2024-01-26T15:14:53.000+0000\",\"lastModified\":\"2024-01-26T15:15:53.000+0000\"}";
        BillingEvent e = parser.parse(signed(ok));
        assertThat(e.occurredAt()).contains(Instant.parse("2024-01-26T15:15:53Z"));
        assertThat(e.amount()).contains(Money.of("100.00", "UGX"));
        String badTime = ok.replace("2024-01-26T15:15:53.000+0000", "Friday");
        assertThatThrownBy(() -> parser.parse(signed(badTime))).isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining("'lastModified' is not a timestamp");
    }

    @Test
    void billLookUpsRefuseAnUnreadableOrHugeAmountNamingTheField() {
        String catalog = res("umeme-catalog.json");
        try (EclipseVasClient eclipse = client()) {
            wm.stubFor(get(urlPathEqualTo(T + "/vas/catalogs")).willReturn(okJson(catalog)));
            assertThat(eclipse.umemeAccount("200166426").balance()).isEqualByComparingTo("-21103");
            for (String[] k : new String[][] {{"1e999999999", "'balance' is out of range"},
                    {"lots", "'balance' is not a decimal number"}}) {
                wm.stubFor(get(urlPathEqualTo(T + "/vas/catalogs")).willReturn(okJson(catalog.replace("\"-21103\"",
                        "\"" + k[0] + "\""))));
                assertThatThrownBy(() -> eclipse.umemeAccount("200166426")).as(k[0])
                        .isInstanceOf(DcbProtocolException.class).hasMessageContaining(k[1])
                        .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("umemeAccount"));
            }
        }
    }

    @Test
    void chargeAmountsInTypedRequestsMustBePositiveAndBounded() {
        PaymentData data = PaymentData.of(21, "UMEME_200166426");
        for (String bad : new String[] {"-1", "0", "0.00"}) {
            assertThatThrownBy(() -> PaymentRequest.builder(data).amount(new BigDecimal(bad)).build()).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount must be greater than zero");
            assertThatThrownBy(() -> PaymentUpdate.builder().amount(new BigDecimal(bad)).build()).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount must be greater than zero");
        }
        assertThatThrownBy(() -> PaymentRequest.builder(data).amount(new BigDecimal("1e999999999")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount is out of range");
        assertThat(PaymentRequest.builder(data).build().amount()).isNull();
        assertThat(PaymentUpdate.builder().amount(new BigDecimal("155")).build().amount()).isEqualByComparingTo("155");
    }

    static InboundNotification signed(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return InboundNotification.builder("POST").uri("/cb").header("Content-Type", "application/json")
                .header("Eclipse-Signature", HexFormat.of().formatHex(NotificationSecurity.hmacSha256(
                        KEY.getBytes(StandardCharsets.UTF_8), bytes))).body(bytes).build();
    }
}
