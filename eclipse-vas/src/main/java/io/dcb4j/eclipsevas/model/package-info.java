/**
 * The Eclipse VAS typed model: catalogue, catalogue queries, payment requests and payment records. Plain
 * records without JSON annotations; the wire format lives in the module's internal package.
 */
package io.dcb4j.eclipsevas.model;
