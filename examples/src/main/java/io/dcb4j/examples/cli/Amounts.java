package io.dcb4j.examples.cli;

import io.dcb4j.core.model.Money;

/** Amounts given on the command line. */
final class Amounts {

    private Amounts() {
    }

    /**
     * An amount greater than zero.
     *
     * @param amount the {@code --amount} text
     * @param currency the {@code --currency} code
     * @return the money
     * @throws CliException a usage error naming the options
     */
    static Money positive(String amount, String currency) {
        if (currency == null) {
            throw CliException.usage("--amount needs --currency");
        }
        Money money;
        try {
            money = Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--amount/--currency: " + e.getMessage());
        }
        if (money.amount().signum() <= 0) {
            throw CliException.usage("--amount must be greater than zero, got " + money.amount().toPlainString());
        }
        return money;
    }
}
