/**
 * Centili's wire shapes ({@code CentiliWire}), their mapping to the model and to neutral states
 * ({@code CentiliMapper}), error mapping ({@code CentiliErrorMapper}), the OAuth2 token source
 * ({@code CentiliTokenSource}) and the neutral adapters ({@code CentiliNeutralApi}). Not exported; opened to
 * Jackson only. Not API.
 */
package io.dcb4j.centili.internal;
