/** Actuator support: a cached health indicator per provider, info, and masking of secrets in the endpoints. */
package io.dcb4j.spring.actuate;
