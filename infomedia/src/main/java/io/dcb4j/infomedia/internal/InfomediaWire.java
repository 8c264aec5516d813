package io.dcb4j.infomedia.internal;

/**
 * Infomedia's wire format: the Jackson records of its answers. Every field is read as text: Infomedia mixes
 * strings and numbers. Request bodies are built by {@link InfomediaMapper}.
 */
public final class InfomediaWire {

    private InfomediaWire() {
    }

    /** {@code PINGenerateWithParams} answer. */
    public record PinAnswer(String status, String description, String pinId) {
    }

    /** {@code SubscriptionJoinWithParams} answer. */
    public record JoinAnswer(String status, String description, String sid, String mx, String mcc, String mnc,
            User user, String txid, Conf conf) {
    }

    /** {@code user} of a join answer; the booleans come as {@code "True"}/{@code "False"}. */
    public record User(String subscribed, String suspended) {
    }

    /** {@code conf} of a join answer. */
    public record Conf(String status, String description, String portedMcc, String portedMnc) {
    }

    /** {@code SubscriptionUnsubscribe} answer. */
    public record UnsubscribeAnswer(String status, String description, String sid, String mx, String mcc,
            String mnc) {
    }

    /** The two fields every answer has, for error bodies. */
    public record Envelope(String status, String description) {
    }
}
