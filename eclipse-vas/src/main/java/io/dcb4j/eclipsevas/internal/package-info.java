/**
 * Eclipse VAS internals, not exported: the wire records ({@code EclipseVasWire}), their mapping to the typed
 * model ({@code EclipseVasMapper}), the error mapper, the login token source and the neutral adapters
 * ({@code EclipseVasNeutralApi}). Opened to Jackson only; nothing here is API.
 */
package io.dcb4j.eclipsevas.internal;
