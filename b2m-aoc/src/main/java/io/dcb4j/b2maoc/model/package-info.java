/**
 * The B2M AOC typed model: the gateway's answers as immutable records, its two ids as value types ({@link
 * io.dcb4j.b2maoc.model.AocTransactionId} for a charge, {@link io.dcb4j.b2maoc.model.SpTransactionId} for a
 * subscription) and its status and error codes.
 */
package io.dcb4j.b2maoc.model;
