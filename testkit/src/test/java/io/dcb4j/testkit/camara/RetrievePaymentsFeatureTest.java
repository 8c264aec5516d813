package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.camara.CamaraClient;
import io.dcb4j.camara.model.ChargingMetaData;
import io.dcb4j.camara.model.Page;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentQuery;
import io.dcb4j.camara.model.PaymentStatus;
import io.dcb4j.camara.model.SortOrder;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.model.NextAction;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code carrier-billing-retrievePayments.feature}, every scenario, named after its id. */
class RetrievePaymentsFeatureTest extends CamaraFeatureSupport {

    static final String PATH = CamaraSimulator.PAYMENTS_PATH + "/payments";

    @Override
    Op op() {
        paid();
        return new Op("GET", PATH, null, c -> c.payments(PaymentQuery.all()));
    }

    /** Payments created 40, 20, 5 and 0.5 days ago and now. */
    List<Payment> history() {
        List<Payment> made = new java.util.ArrayList<>();
        for (Duration gap : List.of(Duration.ofDays(20), Duration.ofDays(15), Duration.ofHours(108),
                Duration.ofHours(12), Duration.ZERO)) {
            made.add(paid(phone(), "10"));
            sim.advanceClock(gap);
        }
        return made;
    }

    Instant daysAgo(int days) {
        return sim.currentTime().minus(Duration.ofDays(days));
    }

    List<Payment> all(PaymentQuery q) {
        return client.payments(q).items();
    }

    @Test
    @DisplayName("@retrieve_payments_01_generic_success_scenario")
    void retrieve_payments_01_generic_success_scenario() {
        Payment p = paid();
        assertThat(all(PaymentQuery.all())).extracting(Payment::paymentId).containsExactly(p.paymentId());
        Answer a = raw("GET", PATH, null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("x-correlator")).isEqualTo("b4333c46-49c0-4f62-80d7-f0ef930f1c46");
        assertThat(a.json().isArray()).isTrue();
    }

    @Test
    @DisplayName("@retrieve_payments_02_no_payments")
    void retrieve_payments_02_no_payments() {
        Page<Payment> page = client.payments(PaymentQuery.all());
        assertThat(page.items()).isEmpty();
        assertThat(raw("GET", PATH, null).response().body()).isEqualTo("[]");
    }

    @Test
    @DisplayName("@retrieve_payments_03_for_phoneNumber")
    void retrieve_payments_03_for_phoneNumber() {
        Payment mine = paid(phone(), "10");
        paid(phone(CamaraSimulator.ASYNC), "10");
        try (CamaraClient c = threeLegged()) {
            assertThat(c.forSubscriber(phone()).payments(PaymentQuery.all()).items()).extracting(Payment::paymentId)
                    .containsExactly(mine.paymentId());
        }
    }

    @Test
    @DisplayName("@retrieve_payments_04_for_application")
    void retrieve_payments_04_for_application() {
        paid(phone(), "10");
        paid(phone(CamaraSimulator.ASYNC), "10");
        assertThat(all(PaymentQuery.all())).hasSize(2);
    }

    @ParameterizedTest(name = "NOW - {0} days")
    @ValueSource(ints = {1, 7, 30})
    @DisplayName("@retrieve_payments_05_start_creationDate")
    void retrieve_payments_05_start_creationDate(int days) {
        List<Payment> made = history();
        Instant from = daysAgo(days);
        List<Payment> found = all(PaymentQuery.builder().createdFrom(from).build());
        assertThat(found).allSatisfy(p -> assertThat(p.createdAt()).isAfterOrEqualTo(from));
        assertThat(found).hasSize((int) made.stream().filter(p -> !p.createdAt().isBefore(from)).count());
    }

    @ParameterizedTest(name = "NOW - {0} days")
    @ValueSource(ints = {1, 3, 7})
    @DisplayName("@retrieve_payments_06_end_creationDate")
    void retrieve_payments_06_end_creationDate(int days) {
        List<Payment> made = history();
        Instant to = daysAgo(days);
        List<Payment> found = all(PaymentQuery.builder().createdTo(to).build());
        assertThat(found).allSatisfy(p -> assertThat(p.createdAt()).isBeforeOrEqualTo(to));
        assertThat(found).hasSize((int) made.stream().filter(p -> !p.createdAt().isAfter(to)).count());
    }

    @ParameterizedTest(name = "NOW - {0} days to NOW - {1} days")
    @CsvSource({"7, 0", "30, 0", "30, 7"})
    @DisplayName("@retrieve_payments_07_date_range")
    void retrieve_payments_07_date_range(int fromDays, int toDays) {
        List<Payment> made = history();
        Instant from = daysAgo(fromDays);
        Instant to = daysAgo(toDays);
        List<Payment> found = all(PaymentQuery.builder().createdFrom(from).createdTo(to).build());
        assertThat(found).allSatisfy(p -> assertThat(p.createdAt()).isBetween(from, to));
        assertThat(found).hasSize((int) made.stream().filter(p -> !p.createdAt().isBefore(from)
                && !p.createdAt().isAfter(to)).count()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SortOrder.class)
    @DisplayName("@retrieve_payments_08_ordering")
    void retrieve_payments_08_ordering(SortOrder order) {
        history();
        List<Payment> found = all(PaymentQuery.builder().order(order).build());
        Comparator<Payment> byDate = Comparator.comparing(Payment::createdAt);
        assertThat(found).hasSize(5).isSortedAccordingTo(order == SortOrder.ASC ? byDate : byDate.reversed());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PaymentStatus.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("@retrieve_payments_09_payment_status")
    void retrieve_payments_09_payment_status(PaymentStatus status) {
        client.createPayment(payment(phone(CamaraSimulator.ASYNC), "10").build());
        client.preparePayment(payment(phone(CamaraSimulator.PENDING_VALIDATION), "10").build());
        Payment open = client.preparePayment(payment(phone(CamaraSimulator.OPEN_VALIDATION), "10").build());
        sim.actAsSubscriber(new NextAction.Redirect(open.validation().orElseThrow().validationUrl(), null, null),
                false);
        reserved(phone());
        paid(phone(), "10");
        client.cancelPayment(reserved(phone()).paymentId(), phone());
        List<Payment> found = all(PaymentQuery.builder().status(status).build());
        assertThat(found).hasSize(1).allSatisfy(p -> assertThat(p.status()).isEqualTo(status));
    }

    @Test
    @DisplayName("@retrieve_payments_10_merchantIdentifier")
    void retrieve_payments_10_merchantIdentifier() {
        client.createPayment(payment(phone(), "10").metaData(ChargingMetaData.merchant("eas-12345")).build());
        client.createPayment(payment(phone(), "10").metaData(ChargingMetaData.merchant("other")).build());
        paid(phone(), "10");
        assertThat(all(PaymentQuery.builder().merchantIdentifier("eas-12345").build())).hasSize(1)
                .allSatisfy(p -> assertThat(p.metaData().merchantIdentifier()).isEqualTo("eas-12345"));
    }

    @Test
    @DisplayName("@retrieve_payments_11_pagination")
    void retrieve_payments_11_pagination() {
        for (int i = 0; i < 7; i++) {
            paid(phone(), "10");
        }
        Page<Payment> page = client.payments(PaymentQuery.builder().page(1, 5).build());
        assertThat(page.items()).hasSize(5);
        assertThat(page.total()).hasValue(7);
        assertThat(page.hasMore()).isTrue();
        assertThat(client.payments(PaymentQuery.builder().page(2, 5).build()).items()).hasSize(2);
    }

    @ParameterizedTest(name = "NOW - {0} days to NOW - {1} days")
    @CsvSource({"0, 7", "7, 30"})
    @DisplayName("@retrieve_payments_400.01_invalid_date_range")
    void retrieve_payments_400_01_invalid_date_range(int fromDays, int toDays) {
        history();
        assertThatThrownBy(() -> PaymentQuery.builder().createdFrom(daysAgo(fromDays)).createdTo(daysAgo(toDays))
                .build()).as("the client refuses it before sending").isInstanceOf(IllegalArgumentException.class);
        assertError(raw("GET", PATH + "?paymentCreationDate.gte=" + daysAgo(fromDays) + "&paymentCreationDate.lte="
                + daysAgo(toDays), null), 400, "CARRIER_BILLING.INVALID_DATE_RANGE");
    }

    @Test
    @DisplayName("@retrieve_payments_400.02_out_of_range")
    void retrieve_payments_400_02_out_of_range() {
        history();
        assertError(() -> client.payments(PaymentQuery.builder().page(1000, 1000).build()),
                InvalidRequestException.class, 400, "OUT_OF_RANGE");
    }

    @Test
    @DisplayName("@retrieve_payments_400.03_too_many_matching_records")
    void retrieve_payments_400_03_too_many_matching_records() {
        for (int i = 0; i <= CamaraSimulator.MAX_MATCHING_RECORDS; i++) {
            paid(phone(CamaraSimulator.ASYNC), "1");
        }
        assertError(() -> client.payments(PaymentQuery.builder().page(1, 1000).build()),
                InvalidRequestException.class, 400, "CARRIER_BILLING.TOO_MANY_MATCHING_RECORDS");
    }

    @Test
    @DisplayName("@retrieve_payments_400.04_invalid_x-correlator")
    void retrieve_payments_400_04_invalid_x_correlator() {
        invalidCorrelator();
    }

    @Test
    @DisplayName("@retrieve_payments_401.01_no_authorization_header")
    void retrieve_payments_401_01_no_authorization_header() {
        noAuthorizationHeader();
    }

    @Test
    @DisplayName("@retrieve_payments_401.02_expired_access_token")
    void retrieve_payments_401_02_expired_access_token() {
        expiredAccessToken();
    }

    @Test
    @DisplayName("@retrieve_payments_401.03_invalid_access_token")
    void retrieve_payments_401_03_invalid_access_token() {
        invalidAccessToken();
    }

    @Test
    @DisplayName("@retrieve_payments_403.01_invalid_token_permissions")
    void retrieve_payments_403_01_invalid_token_permissions() {
        tokenWithoutScope();
    }

    @Test
    @DisplayName("@retrieve_payments_429.01_Too_Many_Requests")
    void retrieve_payments_429_01_Too_Many_Requests() {
        tooManyRequests();
    }
}
