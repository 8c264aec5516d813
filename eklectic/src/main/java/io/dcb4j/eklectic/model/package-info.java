/** Eklectic's typed requests and answers: OTP challenges, confirmations and subscriber records. */
package io.dcb4j.eklectic.model;
