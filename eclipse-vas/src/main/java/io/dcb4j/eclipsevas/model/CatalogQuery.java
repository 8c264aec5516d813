package io.dcb4j.eclipsevas.model;

import io.dcb4j.core.model.Msisdn;
import java.util.Objects;

/**
 * The {@code catalogQuery} of {@code GET .../vas/catalogs}: a partner id followed by partner-specific parts,
 * joined by underscores. Use the factory methods rather than concatenating by hand; they check that no part
 * is blank or contains the separator.
 *
 * <table>
 *   <caption>Documented forms</caption>
 *   <tr><th>partner</th><th>factory</th><th>wire form</th></tr>
 *   <tr><td>Kganya (16)</td><td>{@link #kganya}</td><td>{@code 16_<mobile or 0>_<idNumber>}</td></tr>
 *   <tr><td>Cellulant (17)</td><td>{@link #cellulant}</td><td>{@code 17_<mobile or 0>_<account>_<serviceCode>}</td></tr>
 *   <tr><td>DTB Kenya tax (19)</td><td>{@link #dtbKenyaTax}</td><td>{@code 19_ETAX_<prn>}</td></tr>
 *   <tr><td>DTB local catalogue</td><td>{@link #localCatalog}</td><td>{@code <partner>_LOCAL-CATALOG}</td></tr>
 *   <tr><td>FrontierWeb (20)</td><td>{@link #frontierWeb}</td><td>{@code 20}</td></tr>
 *   <tr><td>DTB Uganda NWSC (21)</td><td>{@link #nwsc}</td><td>{@code 21_NWSC_<ref>_<area>}</td></tr>
 *   <tr><td>DTB Uganda UMEME (21)</td><td>{@link #umeme}</td><td>{@code 21_UMEME_<ref>}</td></tr>
 *   <tr><td>DTB Uganda URA tax (21)</td><td>{@link #uraTax}</td><td>{@code 21_ETAX_<prn>}</td></tr>
 *   <tr><td>DTB Uganda MTN wallet (21)</td><td>{@link #mtnWallet}</td><td>{@code 21_MTN_<phone>}</td></tr>
 * </table>
 */
public final class CatalogQuery {

    /** Pay@ partner id. */
    public static final int PAY_AT = 14;
    /** EasyPay partner id. */
    public static final int EASYPAY = 15;
    /** Kganya partner id. */
    public static final int KGANYA = 16;
    /** Cellulant partner id. */
    public static final int CELLULANT = 17;
    /** Diamond Trust Bank Kenya partner id (tax and VAS). */
    public static final int DTB_KENYA = 19;
    /** FrontierWeb Services (Botswana) partner id. */
    public static final int FRONTIER_WEB = 20;
    /** Diamond Trust Bank Uganda partner id (NWSC, UMEME, URA, MTN wallet). */
    public static final int DTB_UGANDA = 21;

    private final String value;

    private CatalogQuery(String value) {
        this.value = value;
    }

    /**
     * A query given in its wire form, for partners and forms without a factory here.
     *
     * @param value for example {@code 21_NWSC_21117391_Kampala}
     * @return the query
     */
    public static CatalogQuery of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("catalogQuery is required");
        }
        return new CatalogQuery(value.strip());
    }

    /**
     * The whole catalogue of one partner, for example {@code 20}.
     *
     * @param partnerId the partner id
     * @return the query
     */
    public static CatalogQuery partner(int partnerId) {
        return new CatalogQuery(Integer.toString(requirePartner(partnerId)));
    }

    /**
     * FrontierWeb Services' catalogue: {@code 20}.
     *
     * @return the query
     */
    public static CatalogQuery frontierWeb() {
        return partner(FRONTIER_WEB);
    }

    /**
     * Kganya bills: {@code 16_<mobile or 0>_<idNumber>}.
     *
     * @param mobile the mobile number, or null when not available (sent as {@code 0})
     * @param idNumber the identity number, for example {@code T089775335322}
     * @return the query
     */
    public static CatalogQuery kganya(String mobile, String idNumber) {
        return join(KGANYA, orZero(mobile), part("idNumber", idNumber));
    }

    /**
     * Cellulant products of a service: {@code 17_<mobile or 0>_<account>_<serviceCode>}.
     *
     * @param mobile the mobile number, or null when not available (sent as {@code 0})
     * @param accountNumber the account number at the biller
     * @param serviceCode the Cellulant service code, for example {@code KE-DSTV}
     * @return the query
     */
    public static CatalogQuery cellulant(String mobile, String accountNumber, String serviceCode) {
        return join(CELLULANT, orZero(mobile), part("accountNumber", accountNumber),
                part("serviceCode", serviceCode));
    }

    /**
     * Cellulant products of a service for a subscriber.
     *
     * @param mobile the subscriber
     * @param accountNumber the account number at the biller
     * @param serviceCode the Cellulant service code
     * @return the query
     */
    public static CatalogQuery cellulant(Msisdn mobile, String accountNumber, String serviceCode) {
        return cellulant(mobile == null ? null : mobile.digits(), accountNumber, serviceCode);
    }

    /**
     * Kenya Revenue Authority tax through DTB Kenya: {@code 19_ETAX_<prn>}. The answer's product carries the
     * amount owed (see {@link KraTaxBill}).
     *
     * @param prn the payment registration number
     * @return the query
     */
    public static CatalogQuery dtbKenyaTax(String prn) {
        return join(DTB_KENYA, "ETAX", part("prn", prn));
    }

    /**
     * A DTB local catalogue: {@code <partner>_LOCAL-CATALOG} ({@code 19} in Kenya, {@code 21} in Uganda).
     *
     * @param partnerId the partner id
     * @return the query
     */
    public static CatalogQuery localCatalog(int partnerId) {
        return join(requirePartner(partnerId), "LOCAL-CATALOG");
    }

    /**
     * National Water and Sewerage Corporation (Uganda) account look-up: {@code 21_NWSC_<ref>_<area>}.
     *
     * @param customerRef the customer reference number
     * @param area the customer's area, for example {@code Kampala}
     * @return the query
     */
    public static CatalogQuery nwsc(String customerRef, String area) {
        return join(DTB_UGANDA, "NWSC", part("customerRef", customerRef), part("area", area));
    }

    /**
     * UMEME electricity (Uganda) account look-up: {@code 21_UMEME_<ref>}.
     *
     * @param customerRef the customer reference number
     * @return the query
     */
    public static CatalogQuery umeme(String customerRef) {
        return join(DTB_UGANDA, "UMEME", part("customerRef", customerRef));
    }

    /**
     * Uganda Revenue Authority tax look-up: {@code 21_ETAX_<prn>}.
     *
     * @param prn the payment registration number
     * @return the query
     */
    public static CatalogQuery uraTax(String prn) {
        return join(DTB_UGANDA, "ETAX", part("prn", prn));
    }

    /**
     * MTN Mobile Money wallet validation (Uganda): {@code 21_MTN_<phone>}.
     *
     * @param phone the wallet's phone number, digits with country code, for example {@code 256779999703}
     * @return the query
     */
    public static CatalogQuery mtnWallet(String phone) {
        return join(DTB_UGANDA, "MTN", part("phone", phone));
    }

    /**
     * MTN Mobile Money wallet validation (Uganda) for a subscriber.
     *
     * @param phone the wallet's phone number
     * @return the query
     */
    public static CatalogQuery mtnWallet(Msisdn phone) {
        return mtnWallet(Objects.requireNonNull(phone, "phone").digits());
    }

    /**
     * The wire form.
     *
     * @return for example {@code 21_UMEME_200166426}
     */
    public String value() {
        return value;
    }

    /**
     * The partner id the query starts with.
     *
     * @return the partner id, or -1 when the query does not start with a number
     */
    public int partnerId() {
        int cut = value.indexOf('_');
        try {
            return Integer.parseInt(cut < 0 ? value : value.substring(0, cut));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CatalogQuery q && q.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The wire form with long digit runs (phone and account numbers) masked. */
    @Override
    public String toString() {
        return Masking.mask(value);
    }

    private static int requirePartner(int partnerId) {
        if (partnerId < 0) {
            throw new IllegalArgumentException("partnerId must not be negative");
        }
        return partnerId;
    }

    private static String orZero(String mobile) {
        if (mobile == null || mobile.isBlank()) {
            return "0";
        }
        String m = mobile.strip();
        if (m.startsWith("+")) {
            m = m.substring(1);
        }
        return part("mobile", m);
    }

    private static String part(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        String v = value.strip();
        if (v.indexOf('_') >= 0) {
            throw new IllegalArgumentException(name + " must not contain '_'");
        }
        return v;
    }

    private static CatalogQuery join(int partnerId, String... parts) {
        StringBuilder sb = new StringBuilder().append(partnerId);
        for (String p : parts) {
            sb.append('_').append(p);
        }
        return new CatalogQuery(sb.toString());
    }
}
