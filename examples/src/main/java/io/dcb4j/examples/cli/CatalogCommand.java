package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderText;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eclipsevas.model.Catalog;
import io.dcb4j.eclipsevas.model.CatalogPartner;
import io.dcb4j.eclipsevas.model.CatalogProduct;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"List what a provider sells (providers with a catalogue in their typed API: eclipse-vas).",
                "--query takes the wire form of a catalogue query, for example 20 or 21_UMEME_200412345."})
final class CatalogCommand extends ProviderCommand {

    @Option(names = "--query", description = "A catalogue query in its wire form; the whole catalogue when absent.")
    String query;

    @Option(names = "--msisdn", description = "Only the products of this subscriber's network.")
    String msisdn;

    @Override
    int run(BillingProvider client, PrintWriter out) {
        if (!(client instanceof EclipseVasClient vas)) {
            throw new IllegalArgumentException(client.id() + " has no catalogue API; eclipse-vas has one");
        }
        if (msisdn != null) {
            List<CatalogProduct> products = vas.productsForNetworkOf(Msisdn.of(msisdn));
            products.forEach(p -> out.println(product(p)));
            out.println(products.size() + " products for the network of " + Msisdn.of(msisdn));
            return 0;
        }
        Catalog catalog = query == null ? vas.catalogs() : vas.catalogs(CatalogQuery.of(query));
        int count = 0;
        for (CatalogPartner partner : catalog.partners()) {
            out.println("partner " + partner.partnerId() + " " + ProviderText.clean(partner.partnerName()));
            for (CatalogProduct p : partner.products()) {
                out.println("  " + product(p));
                count++;
            }
        }
        out.println(catalog.partners().size() + " partners, " + count + " products");
        return 0;
    }

    private static String product(CatalogProduct p) {
        return ProviderText.printable(p.productId()) + "  " + ProviderText.clean(p.productName())
                + (p.productCategory() == null ? "" : " [" + ProviderText.clean(p.productCategory()) + "]")
                + (p.fixedPriceIncl() == null ? "" : "  " + p.fixedPriceIncl().toPlainString())
                + (p.additionalFields().isEmpty() ? "" : "  (" + p.additionalFields().size() + " input fields)");
    }
}
