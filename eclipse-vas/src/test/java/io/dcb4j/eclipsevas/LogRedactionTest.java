package io.dcb4j.eclipsevas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.testing.LogCapture;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import io.dcb4j.eclipsevas.model.PaymentData;
import io.dcb4j.eclipsevas.model.PaymentRequest;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every operation with DEBUG logging on and checks that no secret, token or full MSISDN is logged. */
class LogRedactionTest extends WireMockSupport {

    private static final String MSISDN = "27821234567";
    private static final String MTN_PHONE = "256779999703";
    private static final String HMAC_KEY = "callback-hmac-key-not-for-logs";

    @Test
    void nothingSecretIsLoggedOrThrown() {
        wm.stubFor(get(T + "/vas/" + MSISDN).willReturn(okJson("{\"partnerId\": 5}")));
        wm.stubFor(get(urlPathEqualTo(T + "/vas/catalogs")).willReturn(okJson(res("scan-to-pay-catalog.json"))));
        wm.stubFor(get(urlPathEqualTo(T + "/vas/catalogs")).withQueryParam("catalogQuery", equalTo("21_MTN_" + MTN_PHONE))
                .willReturn(okJson("[]")));
        wm.stubFor(get(urlPathEqualTo(T + "/vas/catalogs")).withQueryParam("catalogQuery", equalTo("21_UMEME_200166426"))
                .willReturn(okJson(res("umeme-catalog.json"))));
        wm.stubFor(post(T + "/customers/723689/payments").willReturn(okJson(res("mtn-payment.json"))));
        wm.stubFor(put(T + "/payments/172565").willReturn(ok("Success for " + MTN_PHONE)));
        wm.stubFor(get(T + "/payments/172565").willReturn(okJson(res("mtn-payment.json"))));
        wm.stubFor(get(T + "/payments/1").willReturn(aResponse().withStatus(400)
                .withBody(ErrorsAndAuthTest.errorArray("VAL001", "Bad msisdn " + MSISDN + " password " + PASSWORD, "t"))));
        List<String> thrown = new ArrayList<>();
        List<String> rendered = new ArrayList<>();
        try (LogCapture logs = LogCapture.start();
                EclipseVasClient eclipse = builder().notificationSecret(HMAC_KEY).defaultCustomerId(723689).build()) {
            rendered.add(eclipse.networkFor(Msisdn.of(MSISDN)).toString());
            rendered.add(eclipse.productsForNetworkOf(Msisdn.of(MSISDN)).toString());
            rendered.add(eclipse.catalogs(CatalogQuery.mtnWallet(MTN_PHONE)).toString());
            rendered.add(eclipse.umemeAccount("200166426").toString());
            PaymentRequest request = PaymentRequest.builder(PaymentData.of(21, "MTN_" + MTN_PHONE))
                    .additionalField("destinationPhone", MTN_PHONE).phone(MSISDN).amount(new BigDecimal("29182"))
                    .currency("UGX").walletId(204142).build();
            rendered.add(request.toString());
            rendered.add(eclipse.initiatePayment(723689, request).toString());
            rendered.add(eclipse.completePayment(172565, PaymentUpdate.builder().amount(BigDecimal.TEN).build()).toString());
            rendered.add(eclipse.payment(172565).toString());
            rendered.add(eclipse.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("1", "UGX"))
                    .msisdn(Msisdn.of(MSISDN)).offer(OfferId.of("21_MTN_" + MTN_PHONE)).build()).toString());
            rendered.add(eclipse.toString());
            try {
                eclipse.payment(1);
            } catch (DcbException e) {
                thrown.add(e.getMessage());
            }
            try {
                eclipse.notificationParser().parse(InboundNotification.postJson("/cb", res("mtn-payment.json")));
            } catch (DcbException e) {
                thrown.add(e.getMessage());
            }
            assertThat(thrown).hasSize(2);
            String text = logs.text();
            assertThat(text).contains("initiatePayment").contains("completePayment").contains("login");
            for (String output : List.of(text, String.join("\n", thrown), String.join("\n", rendered))) {
                assertThat(output).doesNotContain(PASSWORD).doesNotContain(JWT).doesNotContain(MSISDN)
                        .doesNotContain(MTN_PHONE).doesNotContain(HMAC_KEY);
            }
        }
        assertThat(thrown.get(0)).contains("VAL001").contains("Bad msisdn 2782*****67 password ***");
        assertThat(thrown.get(1)).contains("Eclipse-Signature");
    }
}
