package io.dcb4j.store.jdbc;

/**
 * A JDBC store could not read or write its database. The message names the store's operation and the SQL
 * state, never a value; the cause is the driver's exception. A money-moving write whose journal throws this
 * fails closed, before sending.
 */
public class JdbcStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed; no values
     * @param cause the driver's exception
     */
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
