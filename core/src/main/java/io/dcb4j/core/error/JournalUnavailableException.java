package io.dcb4j.core.error;

/**
 * The charge journal could not record the intent of a money-moving write (its database is down, for example),
 * so the write was not sent: dcb4j fails closed rather than move money it could not reconcile after a crash.
 * Retryable once the journal is back.
 */
public class JournalUnavailableException extends DcbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context the provider and operation
     * @param cause the journal's failure
     */
    public JournalUnavailableException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

    /**
     * Always retryable: nothing was sent.
     *
     * @return true
     */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
