/**
 * Eklectic's wire DTOs ({@code EklecticWire}), the mapping of its answers, states and dates to the model
 * ({@code EklecticMapper}), its error mapping, token fetching and the neutral adapters. Not public API.
 */
package io.dcb4j.eklectic.internal;
