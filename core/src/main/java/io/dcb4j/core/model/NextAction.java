package io.dcb4j.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the subscriber must do before a subscription or charge can complete, after the CAMARA Carrier
 * Billing API and Stripe's PaymentIntent {@code next_action}. Switch on {@link #type()} or pattern-match on
 * the record types.
 */
public sealed interface NextAction extends java.io.Serializable
        permits NextAction.None, NextAction.EnterPin, NextAction.Redirect, NextAction.SendSms,
                NextAction.SolveCaptcha, NextAction.Unknown {

    /** The kinds of next action. */
    enum Type {
        /** Nothing to do. */
        NONE,
        /** A PIN was sent by SMS; ask the subscriber for it. */
        ENTER_PIN,
        /** Send the subscriber's browser to a URL (consent or payment page). */
        REDIRECT,
        /** The subscriber must send an SMS (keyword to shortcode). */
        SEND_SMS,
        /** The subscriber must solve an image challenge. */
        SOLVE_CAPTCHA,
        /** The provider asked for something dcb4j does not know; see {@link Unknown#rawType()}. */
        UNKNOWN
    }

    /**
     * The kind of action.
     *
     * @return the type
     */
    Type type();

    /**
     * The instruction text the provider gave for the subscriber, if any.
     *
     * @return the text
     */
    Optional<String> instruction();

    /**
     * No action.
     *
     * @return the singleton
     */
    static NextAction none() {
        return None.INSTANCE;
    }

    /**
     * Nothing to do.
     */
    final class None implements NextAction {
        private static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public Type type() {
            return Type.NONE;
        }

        @Override
        public Optional<String> instruction() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "NONE";
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /**
     * Ask the subscriber for the PIN sent by SMS.
     *
     * @param instructionText the provider's instruction, or null
     */
    record EnterPin(String instructionText) implements NextAction {
        @Override
        public Type type() {
            return Type.ENTER_PIN;
        }

        @Override
        public Optional<String> instruction() {
            return Optional.ofNullable(instructionText);
        }

        /**
         * The components, with the provider's texts cleaned.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
        }
    }

    /**
     * Send the browser to {@code url}.
     *
     * @param url the page to open
     * @param returnUrl where the provider sends the browser back, or null
     * @param instructionText the provider's instruction, or null
     */
    record Redirect(String url, String returnUrl, String instructionText) implements NextAction {
        /**
         * Validates.
         *
         * @param url required
         * @param returnUrl optional
         * @param instructionText optional
         */
        public Redirect {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public Type type() {
            return Type.REDIRECT;
        }

        @Override
        public Optional<String> instruction() {
            return Optional.ofNullable(instructionText);
        }

        /**
         * The components, with the provider's texts cleaned.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
        }
    }

    /**
     * The subscriber sends {@code keyword} to {@code shortcode}.
     *
     * @param shortcode the number to text
     * @param keyword the text to send
     * @param instructionText the provider's instruction, or null
     */
    record SendSms(String shortcode, String keyword, String instructionText) implements NextAction {
        @Override
        public Type type() {
            return Type.SEND_SMS;
        }

        @Override
        public Optional<String> instruction() {
            return Optional.ofNullable(instructionText);
        }

        /**
         * The components, with the provider's texts cleaned.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
        }
    }

    /**
     * The subscriber picks the right answer image.
     *
     * @param imageUrl the challenge image
     * @param answers the candidate answers
     * @param instructionText the provider's instruction, or null
     */
    record SolveCaptcha(String imageUrl, List<CaptchaAnswer> answers, String instructionText) implements NextAction {
        /**
         * Copies the answers.
         *
         * @param imageUrl the image
         * @param answers the answers
         * @param instructionText optional
         */
        public SolveCaptcha {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }

        @Override
        public Type type() {
            return Type.SOLVE_CAPTCHA;
        }

        @Override
        public Optional<String> instruction() {
            return Optional.ofNullable(instructionText);
        }

        /**
         * The components, with the provider's texts cleaned.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
        }
    }

    /**
     * One candidate answer of a captcha.
     *
     * @param answerId the id to send back
     * @param imageUrl the answer's image
     */
    record CaptchaAnswer(String answerId, String imageUrl) implements java.io.Serializable {

        /**
         * The components, with the provider's texts cleaned.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
        }
    }

    /**
     * An action type dcb4j does not know.
     *
     * @param rawType the provider's type value
     * @param instructionText the provider's instruction, or null
     */
    record Unknown(String rawType, String instructionText) implements NextAction {
        @Override
        public Type type() {
            return Type.UNKNOWN;
        }

        @Override
        public Optional<String> instruction() {
            return Optional.ofNullable(instructionText);
        }

        /**
         * The components, with the provider's texts cleaned.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
        }
    }
}
