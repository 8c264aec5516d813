/**
 * The Infomedia provider (Etisalat UAE, Infomedia-hosted PIN flow): {@link io.dcb4j.infomedia.InfomediaClient}
 * offers Infomedia's own typed API and the neutral {@link io.dcb4j.core.BillingProvider} API;
 * {@link io.dcb4j.infomedia.InfomediaProviderFactory} registers it as {@code infomedia}.
 */
package io.dcb4j.infomedia;
