/**
 * The B2M AOC simulator.
 */
package io.dcb4j.testkit.b2maoc;
