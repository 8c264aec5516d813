/**
 * Immutable values of the neutral API: MSISDNs, money, offers, requests, results, states and next actions.
 */
package io.dcb4j.core.model;
