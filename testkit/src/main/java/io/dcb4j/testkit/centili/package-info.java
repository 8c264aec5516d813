/**
 * The Centili simulator.
 */
package io.dcb4j.testkit.centili;
