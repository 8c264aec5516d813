/**
 * CAMARA's wire DTOs ({@code CamaraWire}), the mapping of its answers, states and dates to the model
 * ({@code CamaraMapper}), its error mapping, the client-credentials token source and the neutral adapters.
 * Not public API.
 */
package io.dcb4j.camara.internal;
