/**
 * The simulators' shared plumbing (loopback server, recording, callback delivery); not API.
 */
package io.dcb4j.testkit.internal;
