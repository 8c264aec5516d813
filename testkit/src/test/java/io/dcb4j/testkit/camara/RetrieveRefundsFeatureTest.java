package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.camara.CamaraClient;
import io.dcb4j.camara.model.Page;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.Refund;
import io.dcb4j.camara.model.RefundQuery;
import io.dcb4j.camara.model.RefundStatus;
import io.dcb4j.camara.model.SortOrder;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.ChargeRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code carrier-billing-refund-retrieveRefunds.feature}, every scenario, named after its id. */
class RetrieveRefundsFeatureTest extends CamaraFeatureSupport {

    static String path(Payment p) {
        return CamaraSimulator.REFUNDS_PATH + "/payments/" + p.paymentId() + "/refunds";
    }

    @Override
    Op op() {
        Payment p = paid();
        refunded(p, partial("5").build());
        return new Op("GET", path(p), null, c -> c.refunds(p.paymentId(), RefundQuery.all()));
    }

    List<Refund> all(Payment p, RefundQuery q) {
        return client.refunds(p.paymentId(), q).items();
    }

    Payment payment;

    /** Refunds of one payment made 40, 20, 5 and 0.5 days ago and now. */
    List<Refund> history() {
        payment = paid(phone(), "100");
        List<Refund> made = new ArrayList<>();
        for (Duration gap : List.of(Duration.ofDays(20), Duration.ofDays(15), Duration.ofHours(108),
                Duration.ofHours(12), Duration.ZERO)) {
            made.add(refunded(payment, partial("1").build()));
            sim.advanceClock(gap);
        }
        return made;
    }

    Instant daysAgo(int days) {
        return sim.currentTime().minus(Duration.ofDays(days));
    }

    @Test
    @DisplayName("@retrieve_refunds_01_generic_success_scenario")
    void retrieve_refunds_01_generic_success_scenario() {
        Payment p = paid();
        Refund r = refunded(p, partial("5").build());
        assertThat(all(p, RefundQuery.all())).containsExactly(r);
        Answer a = raw("GET", path(p), null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("x-correlator")).isEqualTo("b4333c46-49c0-4f62-80d7-f0ef930f1c46");
    }

    @Test
    @DisplayName("@retrieve_refunds_02_no_refunds")
    void retrieve_refunds_02_no_refunds() {
        Payment p = paid();
        assertThat(all(p, RefundQuery.all())).isEmpty();
        assertThat(raw("GET", path(p), null).response().body()).isEqualTo("[]");
    }

    @Test
    @DisplayName("@retrieve_refunds_03_for_phoneNumber")
    void retrieve_refunds_03_for_phoneNumber() {
        Payment mine = paid(phone(), "10");
        Payment theirs = paid(phone(CamaraSimulator.ASYNC), "10");
        Refund r = refunded(mine, total().build());
        try (CamaraClient c = threeLegged()) {
            assertThat(c.forSubscriber(phone()).refunds(mine.paymentId(), RefundQuery.all()).items())
                    .containsExactly(r);
            assertError(() -> c.forSubscriber(phone()).refunds(theirs.paymentId(), RefundQuery.all()),
                    NotFoundException.class, 404, "NOT_FOUND");
        }
    }

    @Test
    @DisplayName("@retrieve_refunds_04_for_application")
    void retrieve_refunds_04_for_application() {
        Payment p = paid();
        refunded(p, partial("5").build());
        refunded(p, partial("6").build());
        assertThat(all(p, RefundQuery.all())).hasSize(2);
    }

    @ParameterizedTest(name = "NOW - {0} days")
    @ValueSource(ints = {1, 7, 30})
    @DisplayName("@retrieve_refunds_05_start_creationDate")
    void retrieve_refunds_05_start_creationDate(int days) {
        List<Refund> made = history();
        Instant from = daysAgo(days);
        List<Refund> found = all(payment, RefundQuery.builder().createdFrom(from).build());
        assertThat(found).allSatisfy(r -> assertThat(r.createdAt()).isAfterOrEqualTo(from));
        assertThat(found).hasSize((int) made.stream().filter(r -> !r.createdAt().isBefore(from)).count());
    }

    @ParameterizedTest(name = "NOW - {0} days")
    @ValueSource(ints = {1, 3, 7})
    @DisplayName("@retrieve_refunds_06_end_creationDate")
    void retrieve_refunds_06_end_creationDate(int days) {
        List<Refund> made = history();
        Instant to = daysAgo(days);
        List<Refund> found = all(payment, RefundQuery.builder().createdTo(to).build());
        assertThat(found).allSatisfy(r -> assertThat(r.createdAt()).isBeforeOrEqualTo(to));
        assertThat(found).hasSize((int) made.stream().filter(r -> !r.createdAt().isAfter(to)).count());
    }

    @ParameterizedTest(name = "NOW - {0} days to NOW - {1} days")
    @CsvSource({"7, 0", "30, 0", "30, 7"})
    @DisplayName("@retrieve_refunds_07_date_range")
    void retrieve_refunds_07_date_range(int fromDays, int toDays) {
        List<Refund> made = history();
        Instant from = daysAgo(fromDays);
        Instant to = daysAgo(toDays);
        List<Refund> found = all(payment, RefundQuery.builder().createdFrom(from).createdTo(to).build());
        assertThat(found).allSatisfy(r -> assertThat(r.createdAt()).isBetween(from, to));
        assertThat(found).hasSize((int) made.stream().filter(r -> !r.createdAt().isBefore(from)
                && !r.createdAt().isAfter(to)).count()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SortOrder.class)
    @DisplayName("@retrieve_refunds_08_ordering")
    void retrieve_refunds_08_ordering(SortOrder order) {
        history();
        List<Refund> found = all(payment, RefundQuery.builder().order(order).build());
        Comparator<Refund> byDate = Comparator.comparing(Refund::createdAt);
        assertThat(found).hasSize(5).isSortedAccordingTo(order == SortOrder.ASC ? byDate : byDate.reversed());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RefundStatus.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("@retrieve_refunds_09_refund_status")
    void retrieve_refunds_09_refund_status(RefundStatus status) {
        Payment p = paid(phone(CamaraSimulator.ASYNC), "90");
        sim.settle(ChargeRef.of(p.paymentId()));
        refunded(p, partial("10").build());
        Refund succeeded = refunded(p, partial("10").build());
        sim.settleRefund(p.paymentId(), succeeded.refundId(), true);
        Refund denied = refunded(p, partial("10").build());
        sim.settleRefund(p.paymentId(), denied.refundId(), false);
        List<Refund> found = all(p, RefundQuery.builder().status(status).build());
        assertThat(found).hasSize(1).allSatisfy(r -> assertThat(r.status()).isEqualTo(status));
    }

    @Test
    @DisplayName("@retrieve_refunds_10_merchantIdentifier")
    void retrieve_refunds_10_merchantIdentifier() {
        Payment p = paid();
        refunded(p, partial("5").merchantIdentifier("eas-12345").build());
        refunded(p, partial("5").merchantIdentifier("other").build());
        refunded(p, partial("5").build());
        assertThat(all(p, RefundQuery.builder().merchantIdentifier("eas-12345").build())).hasSize(1)
                .allSatisfy(r -> assertThat(r.merchantIdentifier()).isEqualTo("eas-12345"));
    }

    @Test
    @DisplayName("@retrieve_refunds_11_pagination")
    void retrieve_refunds_11_pagination() {
        Payment p = paid();
        for (int i = 0; i < 7; i++) {
            refunded(p, partial("1").build());
        }
        Page<Refund> page = client.refunds(p.paymentId(), RefundQuery.builder().page(1, 5).build());
        assertThat(page.items()).hasSize(5);
        assertThat(page.total()).hasValue(7);
        assertThat(page.hasMore()).isTrue();
    }

    @ParameterizedTest(name = "NOW - {0} days to NOW - {1} days")
    @CsvSource({"0, 7", "7, 30"})
    @DisplayName("@retrieve_refunds_400.01_invalid_date_range")
    void retrieve_refunds_400_01_invalid_date_range(int fromDays, int toDays) {
        history();
        assertThatThrownBy(() -> RefundQuery.builder().createdFrom(daysAgo(fromDays)).createdTo(daysAgo(toDays))
                .build()).as("the client refuses it before sending").isInstanceOf(IllegalArgumentException.class);
        assertError(raw("GET", path(payment) + "?refundCreationDate.gte=" + daysAgo(fromDays)
                + "&refundCreationDate.lte=" + daysAgo(toDays), null), 400,
                "CARRIER_BILLING_REFUND.INVALID_DATE_RANGE");
    }

    @Test
    @DisplayName("@retrieve_refunds_400.02_out_of_range")
    void retrieve_refunds_400_02_out_of_range() {
        history();
        assertError(() -> client.refunds(payment.paymentId(), RefundQuery.builder().page(1000, 1000).build()),
                InvalidRequestException.class, 400, "OUT_OF_RANGE");
    }

    @Test
    @DisplayName("@retrieve_refunds_400.03_too_many_matching_records")
    void retrieve_refunds_400_03_too_many_matching_records() {
        Payment p = paid(phone(), "100");
        for (int i = 0; i <= CamaraSimulator.MAX_MATCHING_RECORDS; i++) {
            refunded(p, partial("0.01").build());
        }
        assertError(() -> client.refunds(p.paymentId(), RefundQuery.builder().page(1, 1000).build()),
                InvalidRequestException.class, 400, "CARRIER_BILLING_REFUND.TOO_MANY_MATCHING_RECORDS");
    }

    @Test
    @DisplayName("@retrieve_refunds_400.04_invalid_x-correlator")
    void retrieve_refunds_400_04_invalid_x_correlator() {
        invalidCorrelator();
    }

    @Test
    @DisplayName("@retrieve_refunds_401.01_no_authorization_header")
    void retrieve_refunds_401_01_no_authorization_header() {
        noAuthorizationHeader();
    }

    @Test
    @DisplayName("@retrieve_refunds_401.02_expired_access_token")
    void retrieve_refunds_401_02_expired_access_token() {
        expiredAccessToken();
    }

    @Test
    @DisplayName("@retrieve_refunds_401.03_invalid_access_token")
    void retrieve_refunds_401_03_invalid_access_token() {
        invalidAccessToken();
    }

    @Test
    @DisplayName("@retrieve_refunds_403.01_invalid_token_permissions")
    void retrieve_refunds_403_01_invalid_token_permissions() {
        tokenWithoutScope();
    }

    @Test
    @DisplayName("@retrieve_refunds_429.01_Too_Many_Requests")
    void retrieve_refunds_429_01_Too_Many_Requests() {
        tooManyRequests();
    }
}
