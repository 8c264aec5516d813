package io.dcb4j.b2maoc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.b2maoc.model.ChargeStatus;
import io.dcb4j.b2maoc.model.TransactionOperationStatus;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionRef;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Hostile numbers, dates and repeated keys from the AOC gateway: read or refused with a
 * {@link DcbProtocolException}, never an OutOfMemoryError, a DateTimeException or a silently chosen value.
 */
class NumbersDatesAndJsonTest extends WireMockSupport {

    static final Msisdn SUBSCRIBER = Msisdn.of("8801812345678");

    static String chargeStatus(String data) {
        return "{\"status\":true,\"errors\":false,\"message\":\"Charge status\",\"data\":{" + data + "}}";
    }

    @Test
    void aChargedAmountWithAHugeExponentIsAProtocolErrorNotAnOutOfMemoryError() {
        for (String amount : new String[] {"\"1e999999999\"", "1e999999999", "-1E+999999999", "\"1e-999999999\""}) {
            wm.stubFor(get("/api/chargeStatus/AOC1").willReturn(answer(200, chargeStatus(
                    "\"transactionOperationStatus\":\"Charged\",\"totalAmountCharged\":" + amount
                            + ",\"errorCode\":\"00\""))));
            assertThatThrownBy(() -> client.chargeStatus(aoc("AOC1"))).as(amount)
                    .isInstanceOf(DcbProtocolException.class)
                    .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("chargeStatus"))
                    .hasMessageNotContaining("999999999");
            assertThatThrownBy(() -> client.charges().orElseThrow().status(ChargeRef.of("AOC1")))
                    .isInstanceOf(DcbProtocolException.class);
        }
        wm.stubFor(get("/api/chargeStatus/AOC1").willReturn(answer(200, chargeStatus(
                "\"transactionOperationStatus\":\"Charged\",\"totalAmountCharged\":\"10.00\",\"errorCode\":\"00\""))));
        ChargeStatus s = client.chargeStatus(aoc("AOC1"));
        assertThat(s.totalCharged()).contains(Money.of("10.00", "BDT"));
    }

    @Test
    void aMoneyStateGivenTwiceWithDifferentValuesIsAmbiguousAlsoWhenOnlyCaseOrSpacesDiffer() {
        for (String data : new String[] {
                "\"transactionOperationStatus\":\"Charged\",\"transactionOperationStatus\":\"Denied\"",
                "\"transactionOperationStatus\":\"Charged\",\" TransactionOperationStatus \":\"Denied\"",
                "\"transactionOperationStatus\":\"Charged\",\"totalAmountCharged\":\"10\",\"TOTALAMOUNTCHARGED\":\"20\""}) {
            wm.stubFor(get("/api/chargeStatus/AOC1").willReturn(answer(200, chargeStatus(data))));
            assertThatThrownBy(() -> client.chargeStatus(aoc("AOC1"))).as(data).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("ambiguous")
                    .satisfies(e -> assertThat(((DcbProtocolException) e).httpStatus()).hasValue(200));
        }
        // identical repeats, and a null beside a value, are no ambiguity
        wm.stubFor(get("/api/chargeStatus/AOC1").willReturn(answer(200, chargeStatus(
                "\"transactionOperationStatus\":\"Charged\",\"TransactionOperationStatus\":\"Charged\","
                        + "\"transactionOperationStatus\":\"Charged\",\"msisdn\":null,\"MSISDN\":\"+8801812345678\""))));
        ChargeStatus s = client.chargeStatus(aoc("AOC1"));
        assertThat(s.status()).isEqualTo(TransactionOperationStatus.CHARGED);
        assertThat(s.msisdn()).isEqualTo(SUBSCRIBER);
        assertThat(client.charges().orElseThrow().status(ChargeRef.of("AOC1")).state()).isEqualTo(ChargeState.SUCCEEDED);
    }

    static String subscriptionStatus(String expiry) {
        return "{\"status\":true,\"errors\":false,\"message\":\"Charge status\",\"data\":{\"subscriptionID\":\"s1\","
                + "\"status\":\"subscribed\",\"expiryDate\":\"" + expiry + "\",\"errorCode\":\"00\"}}";
    }

    @Test
    void aPresentExpiryDateThatIsNotADateIsAProtocolErrorNotANull() {
        for (String expiry : new String[] {"soon", "31-02-2030", "31-12-999999999", "2030-13-01"}) {
            wm.stubFor(get("/api/subscriptionStatus/SP1/8801812345678").willReturn(answer(200,
                    subscriptionStatus(expiry))));
            assertThatThrownBy(() -> client.subscriptionStatus(sp("SP1"), SUBSCRIBER)).as(expiry)
                    .isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("'expiryDate' is not a date of the form dd-MM-yyyy");
            assertThatThrownBy(() -> client.subscriptions().orElseThrow().status(SubscriptionRef.of("SP1", SUBSCRIBER)))
                    .isInstanceOf(DcbProtocolException.class);
        }
        wm.stubFor(get("/api/subscriptionStatus/SP1/8801812345678").willReturn(answer(200,
                subscriptionStatus("31-12-9999"))));
        assertThat(client.subscriptionStatus(sp("SP1"), SUBSCRIBER).expiryDate()).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(client.subscriptions().orElseThrow().status(SubscriptionRef.of("SP1", SUBSCRIBER)).expiresAt())
                .isEqualTo(java.time.Instant.parse("9999-12-31T18:00:00Z"));
        wm.stubFor(get("/api/subscriptionStatus/SP1/8801812345678").willReturn(answer(200, subscriptionStatus(" "))));
        assertThat(client.subscriptionStatus(sp("SP1"), SUBSCRIBER).expiryDate()).isNull();
    }
}
