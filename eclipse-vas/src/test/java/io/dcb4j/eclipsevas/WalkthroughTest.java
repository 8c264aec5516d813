package io.dcb4j.eclipsevas;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.eclipsevas.model.Catalog;
import io.dcb4j.eclipsevas.model.CatalogPartner;
import io.dcb4j.eclipsevas.model.CatalogProduct;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import io.dcb4j.eclipsevas.model.KraTaxBill;
import io.dcb4j.eclipsevas.model.NwscBill;
import io.dcb4j.eclipsevas.model.Payment;
import io.dcb4j.eclipsevas.model.PaymentCompletion;
import io.dcb4j.eclipsevas.model.PaymentData;
import io.dcb4j.eclipsevas.model.PaymentRequest;
import io.dcb4j.eclipsevas.model.PaymentStatus;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import io.dcb4j.eclipsevas.model.ProductField;
import io.dcb4j.eclipsevas.model.UmemeAccount;
import io.dcb4j.eclipsevas.model.UraTaxBill;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every provider walk-through of the document, end to end against WireMock with the document's payloads. */
class WalkthroughTest extends WireMockSupport {

    private static final String PAYMENTS = T + "/customers/723689/payments";

    private static void stubInitiate(String answer) {
        wm.stubFor(post(PAYMENTS).willReturn(okJson(answer)));
    }

    private static void stubComplete(long paymentId, String answer) {
        wm.stubFor(put(T + "/payments/" + paymentId).willReturn(ok(answer)));
    }

    private static void verifyInitiate(String resource) {
        wm.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS))
                .withHeader("Authorization", equalTo(BEARER))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(res(resource))));
    }

    private static void verifyComplete(long paymentId, String resource) {
        wm.verify(1, putRequestedFor(urlPathEqualTo(T + "/payments/" + paymentId))
                .withHeader("Authorization", equalTo(BEARER))
                .withRequestBody(equalToJson(res(resource))));
    }

    private static void verifyCatalogQuery(String query) {
        wm.verify(1, getRequestedFor(urlPathEqualTo(T + "/vas/catalogs"))
                .withQueryParam("catalogQuery", equalTo(query))
                .withHeader("Authorization", equalTo(BEARER)));
    }

    private static void stubCatalog(String query, String answer) {
        wm.stubFor(get(urlPathEqualTo(T + "/vas/catalogs")).withQueryParam("catalogQuery", equalTo(query))
                .willReturn(okJson(answer)));
    }

    @Test
    void scanToPay() {
        wm.stubFor(get(T + "/vas/27821234567").willReturn(okJson("{\"partnerId\": 5, \"partnerName\": \"Vodacom\"}")));
        wm.stubFor(get(T + "/vas/catalogs").willReturn(okJson(res("scan-to-pay-catalog.json"))));
        stubInitiate(pending(91001, "abcd1234"));
        stubComplete(91001, "Success");
        try (EclipseVasClient eclipse = client()) {
            List<CatalogProduct> products = eclipse.productsForNetworkOf(Msisdn.of("+27 82 123 4567"));
            assertThat(products).hasSize(16).allSatisfy(p -> assertThat(p.partnerId()).isEqualTo(5));
            CatalogProduct vd50 = products.stream().filter(p -> p.productId().equals("VD50")).findFirst().orElseThrow();
            assertThat(vd50.productName()).isEqualTo("DATA2.5GB");
            assertThat(vd50.productTypeName()).isEqualTo("DATA");
            assertThat(vd50.fixedPriceIncl()).isNull();
            assertThat(vd50.pinnedProduct()).isFalse();
            assertThat(vd50.additionalFields()).isEmpty();
            assertThat(vd50.paymentData().value()).isEqualTo("5_VD50");

            Payment payment = eclipse.initiatePayment(723689, PaymentRequest.builder(vd50.paymentData())
                    .additionalField("msisdn", "value").landingUrl("https://www.google.com/")
                    .callbackUrl("http://www.callback.com").externalUniqueId("abcd1234").currency("ZAR")
                    .walletId(1001).build());
            assertThat(payment.paymentId()).isEqualTo(91001);
            assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(payment.created()).isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));

            PaymentCompletion done = eclipse.completePayment(payment.paymentId(), PaymentUpdate.builder()
                    .amount(new BigDecimal("155")).walletId(1001).landingUrl("https://www.google.com/").build());
            assertThat(done.paymentId()).isEqualTo(91001);
            assertThat(done.updatedPayment()).isEmpty();
            assertThat(done.message()).isEqualTo("Success");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(T + "/vas/27821234567")).withHeader("Authorization", equalTo(BEARER)));
        wm.verify(1, getRequestedFor(urlPathEqualTo(T + "/vas/catalogs")).withoutQueryParam("catalogQuery"));
        verifyInitiate("scan-to-pay-initiate.json");
        verifyComplete(91001, "scan-to-pay-complete.json");
        wm.verify(1, postRequestedFor(urlPathEqualTo(LOGIN))
                .withRequestBody(equalToJson("{\"identity\": \"" + IDENTITY + "\", \"password\": \"" + PASSWORD + "\"}")));
    }

    @Test
    void acs() {
        wm.stubFor(get(T + "/vas/27831234567").willReturn(okJson("{\"partnerId\": 4, \"partnerName\": \"MTN\"}")));
        wm.stubFor(get(T + "/vas/catalogs").willReturn(okJson(res("scan-to-pay-catalog.json"))));
        stubInitiate(pending(91002, "abcd1234a"));
        stubComplete(91002, "\"Success\"");
        try (EclipseVasClient eclipse = client()) {
            Catalog catalog = eclipse.catalogs();
            CatalogPartner mtn = catalog.partner(4).orElseThrow();
            assertThat(mtn.partnerName()).isEqualTo("MTN");
            assertThat(mtn.providerId()).isEqualTo(1);
            assertThat(mtn.products()).hasSize(19);
            assertThat(catalog.products()).hasSize(35);
            assertThat(catalog.productsFor(eclipse.networkFor(Msisdn.of("27831234567")))).isEqualTo(mtn.products());
            CatalogProduct m512 = catalog.product(PaymentData.of(4, "M512")).orElseThrow();
            assertThat(m512.productName()).isEqualTo("DATA500MB");

            Payment payment = eclipse.initiatePayment(723689, PaymentRequest.builder(m512.paymentData())
                    .additionalField("msisdn", "27821234567").landingUrl("https://www.google.com/")
                    .callbackUrl("http://www.blankwebsite.com").externalUniqueId("abcd1234a").currency("ZAR")
                    .walletId(1001).build());
            PaymentCompletion done = eclipse.completePayment(payment.paymentId(), PaymentUpdate.builder()
                    .amount(new BigDecimal("49")).walletId(1001).landingUrl("https://www.google.com/").build());
            assertThat(done.message()).isEqualTo("Success");
        }
        verifyInitiate("acs-initiate.json");
        verifyComplete(91002, "acs-complete.json");
    }

    @Test
    void kganya() {
        // the document shows no answer for this query; a one-product answer in the documented id form
        stubCatalog("16_0310564280_T089775335322", "[{\"partnerId\": 16, \"partnerName\": \"Kganya\", \"products\": ["
                + "{\"productId\": \"0310564280_T089775335322_3\", \"productName\": \"Policy premium\"}]}]");
        stubInitiate(pending(91003, "abcd1234a"));
        stubComplete(91003, "Success");
        try (EclipseVasClient eclipse = client()) {
            Catalog catalog = eclipse.catalogs(CatalogQuery.kganya("0310564280", "T089775335322"));
            CatalogProduct product = catalog.productsOf(16).get(0);
            assertThat(product.partnerId()).isEqualTo(16);
            assertThat(product.paymentData().value()).isEqualTo("16_0310564280_T089775335322_3");
            Payment payment = eclipse.initiatePayment(723689, PaymentRequest.builder(product.paymentData())
                    .additionalField("msisdn", "27821234567").landingUrl("https://www.google.com/")
                    .callbackUrl("http://www.blankwebsite.com").externalUniqueId("abcd1234a").currency("ZAR")
                    .walletId(1001).build());
            eclipse.completePayment(payment.paymentId(), PaymentUpdate.builder().amount(new BigDecimal("99"))
                    .walletId(1001).landingUrl("https://www.google.com/").build());
        }
        verifyCatalogQuery("16_0310564280_T089775335322");
        verifyInitiate("kganya-initiate.json");
        verifyComplete(91003, "kganya-complete.json");
    }

    @Test
    void payAt() {
        stubInitiate(pending(91004, "9e60398d-6ddd-4f46-b6cd-2081c872b2ea"));
        stubComplete(91004, "Success");
        try (EclipseVasClient eclipse = client()) {
            PaymentRequest request = PaymentRequest.builder(PaymentData.of(CatalogQuery.PAY_AT, "14577"))
                    .additionalField("accountNumber", "123456789012").callbackUrl("http://www.blankwebsite.com")
                    .externalUniqueId("9e60398d-6ddd-4f46-b6cd-2081c872b2ea").build();
            Payment payment = eclipse.initiatePayment(723689, request);
            eclipse.completePayment(payment.paymentId(), PaymentUpdate.builder().amount(new BigDecimal("150"))
                    .walletId(1001).externalUniqueId(request.externalUniqueId()).build());
        }
        verifyInitiate("payat-initiate.json");
        verifyComplete(91004, "payat-complete.json");
    }

    @Test
    void easyPay() {
        stubInitiate(pending(91005, "29agd6z317d519e87211"));
        stubComplete(91005, "Success");
        try (EclipseVasClient eclipse = client()) {
            Payment payment = eclipse.initiatePayment(723689, PaymentRequest.builder(PaymentData.of(CatalogQuery.EASYPAY, "1764"))
                    .additionalField("msisdn", "27821234567").landingUrl("https://www.google.com/")
                    .callbackUrl("http://www.blankwebsite.com").externalUniqueId("29agd6z317d519e87211")
                    .phone("27821234567").walletId(1001).build());
            eclipse.completePayment(payment.paymentId(), PaymentUpdate.builder().amount(new BigDecimal("150"))
                    .walletId(1001).externalUniqueId("29agd6z317d519e87211").build());
        }
        verifyInitiate("easypay-initiate.json");
        verifyComplete(91005, "easypay-complete.json");
    }

    @Test
    void dtbKenyaTax() {
        stubCatalog("19_ETAX_1020230000058238", res("dtb-ke-tax-catalog.json"));
        stubInitiate(res("dtb-ke-tax-payment.json"));
        try (EclipseVasClient eclipse = client()) {
            KraTaxBill bill = eclipse.kraTaxBill("1020230000058238");
            assertThat(bill.product().productId()).isEqualTo("ETAX_1020230000058238");
            assertThat(bill.product().productName()).isEqualTo("ETAX");
            assertThat(bill.product().partnerId()).isEqualTo(19);
            assertThat(bill.systemCode()).isEqualTo("PG");
            assertThat(bill.eslipNumber()).isEqualTo("1020230000058238");
            assertThat(bill.paymentAdviceDate()).isEqualTo(LocalDateTime.of(2023, 6, 19, 13, 25, 12));
            assertThat(bill.taxpayerPin()).isEqualTo("P051094777L");
            assertThat(bill.taxpayerFullName()).isEqualTo("Call Fast Services Limited");
            assertThat(bill.totalAmount()).isEqualByComparingTo("52008620");
            assertThat(bill.amountDue()).contains(new BigDecimal("52008620"));
            assertThat(bill.accountHolder()).contains("Call Fast Services Limited");
            assertThat(bill.reference()).contains("1020230000058238");
            assertThat(bill.paymentData().value()).isEqualTo("19_ETAX_1020230000058238");

            Payment payment = eclipse.initiatePayment(723689,
                    PaymentRequest.builder(PaymentData.parse("19_ETAX_1020230000060915"))
                            .externalUniqueId("772021c2-bc1b-4a83-8c26-2ea2fe210836").amount(new BigDecimal("52008620"))
                            .currency("KES").walletId(830989).customFraudChecks(false).build());
            assertThat(payment.paymentId()).isEqualTo(453209);
            assertThat(payment.externalUniqueId()).isEqualTo("772021c2-bc1b-4a83-8c26-2ea2fe210836");
            assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(payment.amount()).isEqualByComparingTo("52008620");
            assertThat(payment.currency()).isEqualTo("KES");
            assertThat(payment.additionalFields()).isEmpty();
            assertThat(payment.acceptedCardSchemes()).isEmpty();
            assertThat(payment.acceptedPaymentMechanisms()).isEmpty();
            assertThat(payment.cardPhone()).isEqualTo("254729294292");
            assertThat(payment.phone()).isEqualTo("254729294292");
            assertThat(payment.paymentType()).isEqualTo("EFT");
            assertThat(payment.created()).isEqualTo(Instant.parse("2023-09-15T09:11:14Z"));
            assertThat(payment.extraInfo().get("dtbSourceType")).contains("DTB_WALLET");
            assertThat(payment.extraInfo().get("dtbCallingCustomerId")).contains("709193");
            assertThat(payment.extraInfo().values()).hasSize(10);
            assertThat(payment.paymentInstrumentInfo()).isEqualTo(Map.of("cardPhone", "254729294292"));
            assertThat(payment.fee()).isEqualByComparingTo("0");
            assertThat(payment.paymentReference()).isEqualTo("1020230000060915");
            assertThat(payment.walletId()).isEqualTo(830989L);
            assertThat(payment.customerId()).isEqualTo(709193L);
            assertThat(payment.money().orElseThrow().toString()).isEqualTo("52008620.00 KES");
        }
        verifyCatalogQuery("19_ETAX_1020230000058238");
        verifyInitiate("dtb-ke-tax-initiate.json");
    }

    @Test
    void dtbKenyaVas() {
        stubCatalog("19_LOCAL-CATALOG", "[]");
        stubInitiate(res("dtb-ke-vas-payment.json"));
        try (EclipseVasClient eclipse = client()) {
            assertThat(eclipse.catalogs(CatalogQuery.localCatalog(CatalogQuery.DTB_KENYA)).isEmpty()).isTrue();
            Payment payment = eclipse.initiatePayment(723689, PaymentRequest.builder(PaymentData.of(19, "KE-STARTIMES_1234567890"))
                    .externalUniqueId("4490d40f-f2ef-4ee6-878c-2885fd4d990c").amount(new BigDecimal("100"))
                    .currency("KES").walletId(836788).description("VAS KE-STARTIMES payment for 1234567890")
                    .customFraudChecks(false).build());
            assertThat(payment.paymentId()).isEqualTo(453215);
            assertThat(payment.description()).isEqualTo("VAS KE-STARTIMES payment for 1234567890");
            assertThat(payment.extraInfo().get("dtbDestinationAccountNumber")).contains("KE-STARTIMES");
            assertThat(payment.paymentReference()).isEqualTo("1234567890");
        }
        verifyCatalogQuery("19_LOCAL-CATALOG");
        verifyInitiate("dtb-ke-vas-initiate.json");
    }

    @Test
    void dtbUgandaLocalCatalog() {
        stubCatalog("21_LOCAL-CATALOG", res("dtb-ug-local-catalog.json"));
        try (EclipseVasClient eclipse = client()) {
            Catalog catalog = eclipse.catalogs(CatalogQuery.localCatalog(CatalogQuery.DTB_UGANDA));
            CatalogPartner dtb = catalog.partners().get(0);
            assertThat(dtb.partnerId()).isEqualTo(21);
            assertThat(dtb.partnerName()).isEqualTo("DTBUGVasProvider");
            assertThat(dtb.providerId()).isEqualTo(21);
            assertThat(dtb.products()).extracting(CatalogProduct::productId).containsExactly("NWSC", "ETAX", "UMEME");
            CatalogProduct nwsc = dtb.products().get(0);
            assertThat(nwsc.productTypeName()).isEqualTo("BILL");
            assertThat(nwsc.productCategory()).isEqualTo("BILL");
            assertThat(nwsc.productDescription()).isEqualTo("NWSC water payment");
            assertThat(nwsc.productName()).isNull();
            assertThat(nwsc.pinnedProduct()).isFalse();
            assertThat(nwsc.additionalFields()).containsExactly(
                    new ProductField("msisdn", "Phone number", "NUMERIC", "^[0-9]{8,16}$", null));
            assertThat(nwsc.field("MSISDN").orElseThrow().accepts("256779999703")).isTrue();
            assertThat(nwsc.field("msisdn").orElseThrow().accepts("12ab")).isFalse();
        }
        verifyCatalogQuery("21_LOCAL-CATALOG");
    }

    @Test
    void nwsc() {
        stubCatalog("21_NWSC_21117391_Kampala", res("nwsc-catalog.json"));
        stubInitiate(pending(91006, "3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70"));
        try (EclipseVasClient eclipse = client()) {
            NwscBill bill = eclipse.nwscBill("21117391", "Kampala");
            assertThat(bill.customerRef()).isEqualTo("21117391");
            assertThat(bill.propertyRef()).isEqualTo("21/34/19/175");
            assertThat(bill.customerName()).isEqualTo("ROBERT MWESIGYE");
            assertThat(bill.area()).isEqualTo("Kampala");
            assertThat(bill.outstandingBalance()).isEqualByComparingTo("71683");
            assertThat(bill.customerError()).isEqualTo("NONE");
            assertThat(bill.hasError()).isFalse();
            assertThat(bill.product().productId()).isEqualTo("NWSC_21117391");
            assertThat(bill.product().additionalFields()).hasSize(7);
            assertThat(bill.paymentData().value()).isEqualTo("21_NWSC_21117391");

            eclipse.initiatePayment(723689, PaymentRequest.builder(bill.paymentData())
                    .externalUniqueId("3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70").amount(bill.amountDue().orElseThrow())
                    .currency("UGX").additionalField("destinationBranchCode", "001")
                    .additionalField("destinationName", bill.accountHolder().orElseThrow()).walletId(206744)
                    .description(bill.customerRef()).customFraudChecks(false).build());
        }
        verifyCatalogQuery("21_NWSC_21117391_Kampala");
        verifyInitiate("nwsc-initiate.json");
    }

    @Test
    void umeme() {
        stubCatalog("21_UMEME_200166426", res("umeme-catalog.json"));
        wm.stubFor(post(T + "/customers/184132/payments").willReturn(okJson(res("umeme-payment.json"))));
        try (EclipseVasClient eclipse = client()) {
            UmemeAccount account = eclipse.umemeAccount("200166426");
            assertThat(account.customerRef()).isEqualTo("200166426");
            assertThat(account.customerType()).isEqualTo("POSTPAID");
            assertThat(account.customerName()).isEqualTo("BAFUKAWA RONALD");
            assertThat(account.statusDescription()).isEqualTo("SUCCESS");
            assertThat(account.balance()).isEqualByComparingTo("-21103");
            assertThat(account.statusCode()).isEqualTo("0");
            assertThat(account.isSuccess()).isTrue();
            assertThat(account.credit()).isEqualByComparingTo("0");
            assertThat(account.amountDue()).isEmpty();
            assertThat(account.paymentData().value()).isEqualTo("21_UMEME_200166426");

            Payment payment = eclipse.initiatePayment(184132, PaymentRequest.builder(account.paymentData())
                    .externalUniqueId("3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70").amount(new BigDecimal("29182"))
                    .currency("UGX").additionalField("destinationBranchCode", "001")
                    .additionalField("destinationName", "BASEKANAKYO DEBULA")
                    .additionalField("destinationType", "UMEME_ACCOUNT")
                    .additionalField("destinationPhone", "704263087").walletId(206744).description("POSTPAID")
                    .customFraudChecks(false).build());
            assertThat(payment.paymentId()).isEqualTo(142607);
            assertThat(payment.externalUniqueId()).isEqualTo("48d9b276-ad03-4ee9-9a4b-6377eb383502");
            assertThat(payment.amount()).isEqualTo(new BigDecimal("29182.000000000"));
            assertThat(payment.fee()).isEqualTo(new BigDecimal("0E-9"));
            assertThat(payment.fee().signum()).isZero();
            assertThat(payment.description()).isEqualTo("POSTPAID");
            assertThat(payment.additionalField("destinationType")).contains("UMEME_ACCOUNT");
            assertThat(payment.additionalFields()).hasSize(4);
            assertThat(payment.errorDescription()).isNull();
            assertThat(payment.created()).isEqualTo(Instant.parse("2024-01-26T15:14:53Z"));
            assertThat(payment.extraInfo().get("dtbDestinationCountryCode")).contains("KE");
            assertThat(payment.extraInfo().raw()).startsWith("{\"dtbCallingCustomerCif\":");
            assertThat(payment.paymentInstrumentInfo()).isEmpty();
            assertThat(payment.paymentReference()).isEqualTo("200166426");
            assertThat(payment.walletId()).isEqualTo(206744L);
            assertThat(payment.customerId()).isEqualTo(184132L);
            assertThat(payment.gatewayTransactionId()).isEqualTo("fa5acd83-9d3f-4571-b290-7f0f29c2fc8e");
        }
        verifyCatalogQuery("21_UMEME_200166426");
        wm.verify(postRequestedFor(urlPathEqualTo(T + "/customers/184132/payments"))
                .withRequestBody(equalToJson(res("umeme-initiate.json"))));
    }

    @Test
    void uraTax() {
        stubCatalog("21_ETAX_2240000621955", res("ura-catalog.json"));
        stubInitiate(res("ura-payment.json"));
        wm.stubFor(get(T + "/payments/150417").willReturn(okJson(res("ura-payment.json"))));
        try (EclipseVasClient eclipse = client()) {
            UraTaxBill bill = eclipse.uraTaxBill("2240000621955");
            assertThat(bill.prn()).isEqualTo("2240000621955");
            assertThat(bill.tin()).isEqualTo("1001307092");
            assertThat(bill.taxpayerName()).isEqualTo("DAMBAK ENTERPRISES LIMITED");
            assertThat(bill.amount()).isEqualByComparingTo("25000");
            assertThat(bill.expiryDate()).isEqualTo(LocalDate.of(2024, 2, 8));
            assertThat(bill.statusCode()).isEqualTo("T");
            assertThat(bill.statusDescription()).isEqualTo("RECEIVED AND CREDITED");
            assertThat(bill.currency()).isNull();
            assertThat(bill.paymentRegistrationDate()).isEqualTo(LocalDate.of(2023, 11, 20));
            assertThat(bill.sentToBank()).isTrue();
            assertThat(bill.paymentData().value()).isEqualTo("21_ETAX_1001307092");

            Payment payment = eclipse.initiatePayment(723689, PaymentRequest.builder(bill.paymentData())
                    .externalUniqueId("3f1c2a9e-5b7d-4e21-9c0a-6d8e2f4b1a70").amount(bill.amount()).currency("UGX")
                    .additionalField("destinationBranchCode", "001")
                    .additionalField("destinationName", bill.taxpayerName()).walletId(207016)
                    .description(bill.prn()).customFraudChecks(false).build());
            assertThat(payment.paymentId()).isEqualTo(150417);
            assertThat(payment.errorDescription()).isEqualTo(": ");
            assertThat(payment.extraInfo().get("dtbSourceType")).contains("DTB_BANK_ACCOUNT");

            Payment polled = eclipse.payment(150417);
            assertThat(polled).isEqualTo(payment);
        }
        verifyCatalogQuery("21_ETAX_2240000621955");
        verifyInitiate("ura-initiate.json");
        wm.verify(getRequestedFor(urlPathEqualTo(T + "/payments/150417")).withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void mtnWallet() {
        stubCatalog("21_MTN_256779999703", "[{\"partnerId\": 21, \"partnerName\": \"DTBUGVasProvider\", \"providerId\": 21,"
                + " \"products\": [{\"partnerId\": 21, \"productId\": \"MTN_256779999703\", \"productName\": \"MTN\"}]}]");
        stubInitiate(res("mtn-payment.json"));
        try (EclipseVasClient eclipse = client()) {
            Catalog validated = eclipse.catalogs(CatalogQuery.mtnWallet(Msisdn.of("+256779999703")));
            assertThat(validated.products()).hasSize(1);
            Payment payment = eclipse.initiatePayment(723689, PaymentRequest.builder(PaymentData.of(21, "MTN_256779999703"))
                    .externalUniqueId("9c04cede-e105-488b-9211-ab21bf3e1db9").amount(new BigDecimal("29182"))
                    .currency("UGX").additionalField("destinationBranchCode", "001")
                    .additionalField("destinationName", "Martha N").additionalField("destinationType", "MTN_WALLET")
                    .additionalField("destinationPhone", "256779999703").walletId(204142)
                    .description("Transfer from bank to wallet").customFraudChecks(false).build());
            assertThat(payment.paymentId()).isEqualTo(172565);
            assertThat(payment.amount()).isEqualByComparingTo("29182");
            assertThat(payment.paymentTerminalData()).isEmpty();
            assertThat(payment.paymentReference()).isEqualTo("256779999703");
            assertThat(payment.extraInfo().get("dtbDestinationPhone")).contains("256779999703");
            assertThat(payment.toString()).doesNotContain("256779999703");
        }
        verifyCatalogQuery("21_MTN_256779999703");
        verifyInitiate("mtn-initiate.json");
    }

    @Test
    void cellulant() {
        stubCatalog("17_254707720002_042381176772_KE-DSTV", "[{\"partnerId\": 17, \"partnerName\": \"Cellulant\","
                + " \"products\": [{\"partnerId\": 17, \"productId\": \"254707720002_042381176772_KE-DSTV_DSTVTESTKE\","
                + " \"productName\": \"DSTV test\", \"fixedPriceIncl\": 517.00}]}]");
        stubInitiate(pending(91007, "abcd1234a"));
        stubComplete(91007, "Success");
        try (EclipseVasClient eclipse = client()) {
            CatalogProduct product = eclipse.catalogs(CatalogQuery.cellulant("254707720002", "042381176772", "KE-DSTV"))
                    .products().get(0);
            assertThat(product.fixedPriceIncl()).isEqualByComparingTo("517");
            assertThat(product.paymentData().value()).isEqualTo("17_254707720002_042381176772_KE-DSTV_DSTVTESTKE");
            Payment payment = eclipse.initiatePayment(723689, PaymentRequest.builder(product.paymentData())
                    .additionalField("msisdn", "27821234567").landingUrl("https://www.google.com/")
                    .callbackUrl("http://www.blankwebsite.com").externalUniqueId("abcd1234a").currency("ZAR")
                    .walletId(1001).build());
            eclipse.completePayment(payment.paymentId(), PaymentUpdate.builder().amount(new BigDecimal("517"))
                    .walletId(476).landingUrl("https://www.google.com/").build());
        }
        verifyCatalogQuery("17_254707720002_042381176772_KE-DSTV");
        verifyInitiate("cellulant-initiate.json");
        verifyComplete(91007, "cellulant-complete.json");
    }

    @Test
    void frontierWeb() {
        stubCatalog("20", res("frontierweb-catalog.json"));
        try (EclipseVasClient eclipse = client()) {
            Catalog catalog = eclipse.catalogs(CatalogQuery.frontierWeb());
            CatalogPartner frontier = catalog.partner(CatalogQuery.FRONTIER_WEB).orElseThrow();
            assertThat(frontier.partnerName()).isEqualTo("FrontierWebServices");
            assertThat(frontier.providerId()).isEqualTo(20);
            assertThat(frontier.products()).hasSize(25);
            CatalogProduct first = frontier.products().get(0);
            assertThat(first.partnerId()).isEqualTo(20);
            assertThat(first.productId()).isEqualTo("500");
            assertThat(first.productName()).isEqualTo("BE MOBILE 10");
            assertThat(first.productDescription()).isEqualTo("BE MOBILE 10");
            assertThat(first.fixedPriceIncl()).isEqualTo(new BigDecimal("10.00"));
            assertThat(first.pinnedProduct()).isFalse();
            assertThat(first.additionalFields()).containsExactly(
                    new ProductField("msisdn", "Phone number", "NUMERIC", "^[0-9]{8,16}$", null));
            CatalogProduct token = catalog.product(PaymentData.of(20, "1248")).orElseThrow();
            assertThat(token.productName()).isEqualTo("Utility Token");
            assertThat(token.fixedPriceIncl()).isEqualByComparingTo("0");
        }
        verifyCatalogQuery("20");
    }
}
