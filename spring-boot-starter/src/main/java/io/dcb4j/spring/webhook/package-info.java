/** The callback endpoint that verifies, de-duplicates and publishes providers' callbacks as application events. */
package io.dcb4j.spring.webhook;
