/** Infomedia's typed requests, answers and webhook values. Plain records and enums, no JSON binding. */
package io.dcb4j.infomedia.model;
