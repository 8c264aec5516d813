/**
 * The Eklectic simulator.
 */
package io.dcb4j.testkit.eklectic;
