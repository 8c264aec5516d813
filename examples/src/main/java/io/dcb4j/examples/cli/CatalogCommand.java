package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderText;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eclipsevas.model.Catalog;
import io.dcb4j.eclipsevas.model.CatalogPartner;
import io.dcb4j.eclipsevas.model.CatalogProduct;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"List what a provider sells (providers with a catalogue in their typed API: eclipse-vas).",
                "Each product line starts with the exact value 'dcb charge --offer' takes",
                "(for example 5_VD50)."})
final class CatalogCommand extends ProviderCommand {

    @Option(names = "--query", paramLabel = "TEXT",
            description = "Only the partners whose id is TEXT or whose name contains it (any case); a partner id"
                    + " that is not in the full catalogue is asked for as a catalogue query of its own.")
    String query;

    @Option(names = "--catalog-query", paramLabel = "WIRE",
            description = "A catalogue query in Eclipse's wire form, for example 20 or 21_UMEME_200412345.")
    String catalogQuery;

    @Option(names = "--msisdn", description = "Only the products of this subscriber's network.")
    String msisdn;

    @Override
    void validate() {
        if (msisdn != null) {
            Msisdn.of(msisdn);
        }
        if (catalogQuery != null) {
            CatalogQuery.of(catalogQuery);
        }
    }

    @Override
    int run(BillingProvider client, Output out) {
        if (!(client instanceof EclipseVasClient vas)) {
            throw CliException.unsupported(client.id() + " has no catalogue API; eclipse-vas has one");
        }
        if (msisdn != null) {
            List<CatalogProduct> products = vas.productsForNetworkOf(Msisdn.of(msisdn));
            products.forEach(p -> out.result(product(p), product(null, p)));
            out.line(products.size() + " products for the network of " + Msisdn.of(msisdn));
            return ExitCodes.OK;
        }
        List<CatalogPartner> partners = catalogQuery != null ? vas.catalogs(CatalogQuery.of(catalogQuery)).partners()
                : query == null ? vas.catalogs().partners() : find(vas, query.strip());
        int count = 0;
        for (CatalogPartner partner : partners) {
            out.line("partner " + partner.partnerId() + " " + ProviderText.clean(partner.partnerName()));
            for (CatalogProduct p : partner.products()) {
                out.result("  " + product(p), product(partner, p));
                count++;
            }
        }
        out.line(partners.size() + (partners.size() == 1 ? " partner, " : " partners, ") + count
                + (count == 1 ? " product" : " products") + (count == 0 ? "" : "; the first column is what"
                + " 'dcb charge --offer' takes"));
        return ExitCodes.OK;
    }

    /** Partners of the full catalogue by id or name; a numeric id not in it is asked for on its own. */
    private static List<CatalogPartner> find(EclipseVasClient vas, String text) {
        Catalog full = vas.catalogs();
        String lower = text.toLowerCase(Locale.ROOT);
        List<CatalogPartner> found = new ArrayList<>();
        for (CatalogPartner p : full.partners()) {
            if (Integer.toString(p.partnerId()).equals(text)
                    || (p.partnerName() != null && p.partnerName().toLowerCase(Locale.ROOT).contains(lower))) {
                found.add(p);
            }
        }
        if (found.isEmpty() && text.matches("\\d{1,9}")) {
            found.addAll(vas.catalogs(CatalogQuery.partner(Integer.parseInt(text))).partners());
        }
        return found;
    }

    private static String product(CatalogProduct p) {
        return ProviderText.printable(p.paymentData().value()) + "  " + ProviderText.clean(name(p))
                + (p.productCategory() == null ? "" : " [" + ProviderText.clean(p.productCategory()) + "]")
                + (p.fixedPriceIncl() == null ? "" : "  " + p.fixedPriceIncl().toPlainString())
                + (p.additionalFields().isEmpty() ? ""
                        : "  (" + DemoCommand.count(p.additionalFields().size(), "input field") + ")");
    }

    private static Map<String, Object> product(CatalogPartner partner, CatalogProduct p) {
        return Output.object("type", "catalogProduct", "offer", ProviderText.printable(p.paymentData().value()),
                "partnerId", p.partnerId(),
                "partnerName", partner == null ? null : ProviderText.clean(partner.partnerName()),
                "productId", ProviderText.printable(p.productId()), "name", ProviderText.clean(name(p)),
                "productType", p.productTypeName() == null ? null : ProviderText.clean(p.productTypeName()),
                "category", p.productCategory() == null ? null : ProviderText.clean(p.productCategory()),
                "price", p.fixedPriceIncl() == null ? null : p.fixedPriceIncl().toPlainString(),
                "inputFields", p.additionalFields().size());
    }

    private static String name(CatalogProduct p) {
        return p.productName() != null ? p.productName() : p.productDescription() != null ? p.productDescription() : "";
    }
}
