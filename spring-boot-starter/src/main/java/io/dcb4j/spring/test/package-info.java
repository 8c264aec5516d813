/**
 * Test support: {@link io.dcb4j.spring.test.DcbSimulators} starts the testkit simulators before the application
 * context and registers their URLs and credentials as {@code dcb4j.providers.*} properties.
 */
package io.dcb4j.spring.test;
