/**
 * The Infomedia simulator.
 */
package io.dcb4j.testkit.infomedia;
