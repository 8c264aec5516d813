package io.dcb4j.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a merchant asks to charge must be positive; Money itself may be negative (refunds, balances). */
class RequestAmountsTest {

    @Test
    void aChargeOfANegativeOrZeroAmountIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ChargeRequest.builder(Money.of("-10", "EUR")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("amount must be greater than zero, got -10");
        assertThatThrownBy(() -> ChargeRequest.builder(Money.of("0.00", "EUR")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("amount must be greater than zero, got 0.00");
        assertThatThrownBy(() -> new ChargeRequest(null, Money.of("-0.01", "EUR"), null, null, null, null, null,
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        assertThat(ChargeRequest.builder(Money.of("0.01", "EUR")).build().amount()).isEqualTo(Money.of("0.01", "EUR"));
    }

    @Test
    void anAdvertisedSubscriptionPriceMustBePositiveToo() {
        Msisdn m = Msisdn.of("21612345678");
        assertThatThrownBy(() -> SubscribeRequest.builder(m, OfferId.of(1)).price(Money.of("-1", "AED")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("price must be greater than zero, got -1");
        assertThatThrownBy(() -> SubscribeRequest.builder(m, OfferId.of(1)).price(Money.of("0", "AED")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("price");
        assertThat(SubscribeRequest.builder(m, OfferId.of(1)).build().price()).isNull();
        assertThat(SubscribeRequest.builder(m, OfferId.of(1)).price(Money.of("0.10", "AED")).build().price())
                .isEqualTo(Money.of("0.10", "AED"));
    }
}
