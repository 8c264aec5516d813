/** Eklectic's typed requests and answers: OTP challenges, confirmations, subscriber records and cancellations. */
package io.dcb4j.eklectic.model;
