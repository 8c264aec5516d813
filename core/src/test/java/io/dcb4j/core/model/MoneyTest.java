package io.dcb4j.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTheExactAmountAndScale() {
        Money m = Money.of("0.10", "AED");
        assertThat(m.amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(m.amount().scale()).isEqualTo(2);
        assertThat(m.currency()).isEqualTo(Currency.getInstance("AED"));
        assertThat(m).hasToString("0.10 AED");
        assertThat(Money.of("29182.000000000", "ZAR").amount().toPlainString()).isEqualTo("29182.000000000");
        assertThat(Money.of("0E-9", "ZAR").isZero()).isTrue();
    }

    @Test
    void printsAtTheCurrencysScaleAndNeverRounds() {
        assertThat(Money.of("155.000000000", "ZAR")).hasToString("155.00 ZAR");
        assertThat(Money.of("155", "ZAR")).hasToString("155.00 ZAR");
        assertThat(Money.of("0.5", "TND")).hasToString("0.500 TND");
        assertThat(Money.of("1200.00", "JPY")).hasToString("1200 JPY");
        assertThat(Money.of("0.125", "USD")).hasToString("0.125 USD");
        assertThat(Money.of("0.12500", "USD").displayAmount()).isEqualByComparingTo("0.125")
                .hasToString("0.125");
        assertThat(Money.of("0E-9", "ZAR")).hasToString("0.00 ZAR");
        assertThat(Money.of("-21103", "UGX")).hasToString("-21103 UGX");
        assertThat(Money.of("1E+3", "USD")).hasToString("1000.00 USD");
        assertThat(Money.of("3.10", "XAU")).hasToString("3.1 XAU");
        assertThat(Money.of("155.000000000", "ZAR").amount().scale()).as("the amount itself is kept").isEqualTo(9);
    }

    @Test
    void resultsPrintTheirAmountsAtTheCurrencysScale() {
        Money wire = Money.of("155.000000000", "ZAR");
        assertThat(new ChargeResult(ChargeRef.of("172600"), ChargeState.SUCCEEDED, "SUCCESSFUL", wire, null, null,
                java.util.Map.of()).toString()).contains("amount=155.00 ZAR").doesNotContain("155.000000000");
        assertThat(new SubscriptionResult(SubscriptionRef.of("1"), SubscriptionState.ACTIVE, null, wire, false,
                java.util.Map.of()).toString()).contains("155.00 ZAR").doesNotContain("155.000000000");
    }

    @Test
    void addsAndSubtractsWithoutFloatingPointError() {
        Money a = Money.of("0.10", "TND");
        Money sum = a.plus(Money.of("0.20", "TND"));
        assertThat(sum.amount()).isEqualByComparingTo("0.30");
        assertThat(sum.minus(Money.of("0.3", "TND")).isZero()).isTrue();
        assertThat(Money.of("1.25", "EUR").times(3)).isEqualTo(Money.of("3.75", "EUR"));
    }

    @Test
    void equalityIgnoresTrailingZerosButNotCurrency() {
        assertThat(Money.of("10.0", "BDT")).isEqualTo(Money.of("10.00", "BDT"))
                .hasSameHashCodeAs(Money.of("10.00", "BDT"));
        assertThat(Money.of("10", "BDT")).isNotEqualTo(Money.of("10", "USD"));
        assertThat(Money.of("2", "BDT").compareTo(Money.of("10", "BDT"))).isNegative();
    }

    @Test
    void refusesMixingCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR").hasMessageContaining("USD");
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsToMinorUnitsOnlyWhenExact() {
        assertThat(Money.of("12.34", "USD").toMinorUnits()).isEqualTo(1234);
        assertThat(Money.of("12.3", "KWD").toMinorUnits()).isEqualTo(12300);
        assertThat(Money.of("500", "JPY").toMinorUnits()).isEqualTo(500);
        assertThatThrownBy(() -> Money.of("0.005", "USD").toMinorUnits()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Money.of("ten", "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "XYZW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(null, "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of("1", " usd ").currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void amountsAreBoundedSoThatAHugeExponentCannotExhaustMemory() {
        Money big = Money.of("12345678901234567890.12345678901234567890", "USD");
        assertThat(big.toString()).isEqualTo("12345678901234567890.1234567890123456789 USD");
        assertThat(Money.of(new BigDecimal("1E+20"), Money.currency("USD")).amount()).isEqualByComparingTo("1E+20");
        for (String huge : new String[] {"1e999999999", "-1e999999999", "1e-999999999", "1E+21",
                "0.000000000000000000001", "1".repeat(41)}) {
            assertThatThrownBy(() -> Money.of(huge, "USD")).as(huge).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("out of range").hasMessageNotContaining("999");
            assertThatThrownBy(() -> Money.of(new BigDecimal(huge), Money.currency("USD"))).as(huge)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        }
        assertThat(Money.isWithinBounds(new BigDecimal("1e999999999"))).isFalse();
        assertThat(Money.isWithinBounds(new BigDecimal("-21103"))).isTrue();
    }

    @Test
    void moneyMayBeNegativeOrZeroForRefundsAndBalances() {
        assertThat(Money.of("-10", "EUR").amount()).isEqualByComparingTo("-10");
        assertThat(Money.of("0", "EUR").isZero()).isTrue();
    }
}
