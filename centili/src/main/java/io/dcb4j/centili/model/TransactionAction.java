package io.dcb4j.centili.model;

import io.dcb4j.core.model.NextAction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Centili asks the subscriber to do after a transaction start: the answer's {@code action} object
 * (called {@code operation} in real answers). Pattern-match on the record types, or use
 * {@link #toNextAction()} for the neutral form.
 */
public sealed interface TransactionAction
        permits TransactionAction.PinEntry, TransactionAction.MobileOriginated, TransactionAction.UrlRedirect,
                TransactionAction.Simtcha, TransactionAction.Unrecognised {

    /**
     * The {@code type} value as Centili sent it.
     *
     * @return the raw type, or null when the answer had none
     */
    String rawType();

    /**
     * The instruction Centili gave for the subscriber ({@code userInstruction}).
     *
     * @return the text
     */
    Optional<String> userInstruction();

    /**
     * The same action in neutral terms.
     *
     * @return the next action
     */
    NextAction toNextAction();

    /**
     * Centili sent a PIN by SMS: ask the subscriber for it and call {@code submitPin}.
     *
     * @param rawType the wire type, for example {@code PIN}
     * @param instruction the instruction text, or null
     */
    record PinEntry(String rawType, String instruction) implements TransactionAction {
        @Override
        public Optional<String> userInstruction() {
            return Optional.ofNullable(instruction);
        }

        @Override
        public NextAction toNextAction() {
            return new NextAction.EnterPin(instruction);
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
     * The subscriber must send {@code keyword} by SMS to {@code shortcode} (type {@code MO}).
     *
     * @param rawType the wire type, for example {@code MO}
     * @param shortcode the number to text, or null
     * @param keyword the text to send, or null
     * @param instruction the instruction text, or null
     */
    record MobileOriginated(String rawType, String shortcode, String keyword, String instruction)
            implements TransactionAction {
        @Override
        public Optional<String> userInstruction() {
            return Optional.ofNullable(instruction);
        }

        @Override
        public NextAction toNextAction() {
            return new NextAction.SendSms(shortcode, keyword, instruction);
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
     * Send the subscriber's browser to {@code url} ({@code urlRedirect}); Centili sends it back to
     * {@code returnUrl} ({@code urlReturn}).
     *
     * @param rawType the wire type, for example {@code URL_REDIRECT}
     * @param url the page to open
     * @param returnUrl where the browser comes back, or null
     * @param instruction the instruction text, or null
     */
    record UrlRedirect(String rawType, String url, String returnUrl, String instruction)
            implements TransactionAction {
        /**
         * Validates.
         *
         * @param rawType the wire type
         * @param url required
         * @param returnUrl optional
         * @param instruction optional
         */
        public UrlRedirect {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public Optional<String> userInstruction() {
            return Optional.ofNullable(instruction);
        }

        @Override
        public NextAction toNextAction() {
            return new NextAction.Redirect(url, returnUrl, instruction);
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
     * The subscriber solves an image challenge ({@code simtcha}): pick the answer image matching
     * {@code imageUrl}.
     *
     * @param rawType the wire type, for example {@code SIMTCHA}
     * @param imageUrl the challenge image ({@code imageURL}), or null
     * @param answers the candidate answers; never null
     * @param instruction the instruction text, or null
     */
    record Simtcha(String rawType, String imageUrl, List<SimtchaAnswer> answers, String instruction)
            implements TransactionAction {
        /**
         * Copies the answers.
         *
         * @param rawType the wire type
         * @param imageUrl the image
         * @param answers the answers, copied; null means none
         * @param instruction optional
         */
        public Simtcha {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }

        @Override
        public Optional<String> userInstruction() {
            return Optional.ofNullable(instruction);
        }

        @Override
        public NextAction toNextAction() {
            return new NextAction.SolveCaptcha(imageUrl,
                    answers.stream().map(a -> new NextAction.CaptchaAnswer(a.answerId(), a.imageUrl())).toList(),
                    instruction);
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
     * One candidate answer of a simtcha.
     *
     * @param answerId the id of the answer
     * @param imageUrl the answer's image
     */
    record SimtchaAnswer(String answerId, String imageUrl) {

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
     * An action type this version does not know. Its fields are kept as received.
     *
     * @param rawType the wire type
     * @param instruction the instruction text, or null
     * @param urlRedirect the {@code urlRedirect} field, or null
     * @param shortcode the {@code shortcode} field, or null
     * @param keyword the {@code keyword} field, or null
     */
    record Unrecognised(String rawType, String instruction, String urlRedirect, String shortcode, String keyword)
            implements TransactionAction {
        @Override
        public Optional<String> userInstruction() {
            return Optional.ofNullable(instruction);
        }

        @Override
        public NextAction toNextAction() {
            return new NextAction.Unknown(rawType, instruction);
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
