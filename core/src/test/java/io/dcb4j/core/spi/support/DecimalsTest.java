package io.dcb4j.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void parsesBoundedDecimalsAndRefusesTheRestWithoutQuotingThem() {
        assertThat(Decimals.parse(" 10.50 ")).isEqualTo(new BigDecimal("10.50"));
        assertThat(Decimals.parse("1.05E+1")).isEqualByComparingTo("10.5");
        assertThat(Decimals.parseOrNull("  ")).isNull();
        for (String huge : new String[] {"1e999999999", "-1e999999999", "1e-999999999", "1e21", "1e-21"}) {
            assertThatThrownBy(() -> Decimals.parse(huge)).as(huge)
                    .isInstanceOf(Decimals.OutOfRangeException.class).hasMessageStartingWith("is out of range")
                    .hasMessageNotContaining("999");
        }
        for (String bad : new String[] {"ten", "", "1,5", "NaN", "0x1F", "1".repeat(101)}) {
            assertThatThrownBy(() -> Decimals.parse(bad)).as(bad).isInstanceOf(NumberFormatException.class)
                    .isNotInstanceOf(Decimals.OutOfRangeException.class).hasMessage("is not a decimal number");
        }
    }

    @Test
    void chargeAmountsMustBePositiveAndTheMessageNamesTheField() {
        assertThat(Decimals.requirePositive("price", new BigDecimal("0.01"))).isEqualByComparingTo("0.01");
        assertThat(Decimals.requirePositive("price", null)).isNull();
        assertThatThrownBy(() -> Decimals.requirePositive("price", new BigDecimal("-10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("price must be greater than zero, got -10");
        assertThatThrownBy(() -> Decimals.requirePositive("amount", BigDecimal.ZERO))
                .hasMessage("amount must be greater than zero, got 0");
        assertThatThrownBy(() -> Decimals.requirePositive("amount", new BigDecimal("1e999999999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount is out of range");
    }

    @Test
    void saturatedLongsReadAnyNumberOfSeconds() {
        assertThat(Decimals.saturatedLong("43200")).isEqualTo(43200);
        assertThat(Decimals.saturatedLong("1e17")).isEqualTo(100_000_000_000_000_000L);
        assertThat(Decimals.saturatedLong("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Decimals.saturatedLong("99999999999999999999999")).isEqualTo(Long.MAX_VALUE);
        assertThat(Decimals.saturatedLong("1e999999999")).isEqualTo(Long.MAX_VALUE);
        assertThat(Decimals.saturatedLong("-1e999999999")).isEqualTo(Long.MIN_VALUE);
        assertThat(Decimals.saturatedLong("1e-999999999")).isZero();
        assertThat(Decimals.saturatedLong("299.9")).isEqualTo(299);
        assertThatThrownBy(() -> Decimals.saturatedLong("soon")).isInstanceOf(NumberFormatException.class);
    }
}
