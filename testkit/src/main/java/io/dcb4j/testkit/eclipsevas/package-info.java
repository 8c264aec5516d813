/** The Eclipse (Ukheshe) VAS simulator. */
package io.dcb4j.testkit.eclipsevas;
