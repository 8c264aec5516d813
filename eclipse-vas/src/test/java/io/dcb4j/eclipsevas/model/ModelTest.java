package io.dcb4j.eclipsevas.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.model.Msisdn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void catalogQueryBuildersProduceEveryDocumentedForm() {
        assertThat(CatalogQuery.kganya("0310564280", "T089775335322").value()).isEqualTo("16_0310564280_T089775335322");
        assertThat(CatalogQuery.kganya(null, "T089775335322").value()).isEqualTo("16_0_T089775335322");
        assertThat(CatalogQuery.kganya(" ", "T089775335322").value()).isEqualTo("16_0_T089775335322");
        assertThat(CatalogQuery.dtbKenyaTax("1020230000058238").value()).isEqualTo("19_ETAX_1020230000058238");
        assertThat(CatalogQuery.localCatalog(19).value()).isEqualTo("19_LOCAL-CATALOG");
        assertThat(CatalogQuery.localCatalog(CatalogQuery.DTB_UGANDA).value()).isEqualTo("21_LOCAL-CATALOG");
        assertThat(CatalogQuery.nwsc("21117391", "Kampala").value()).isEqualTo("21_NWSC_21117391_Kampala");
        assertThat(CatalogQuery.umeme("200166426").value()).isEqualTo("21_UMEME_200166426");
        assertThat(CatalogQuery.uraTax("2240000621955").value()).isEqualTo("21_ETAX_2240000621955");
        assertThat(CatalogQuery.mtnWallet("256779999703").value()).isEqualTo("21_MTN_256779999703");
        assertThat(CatalogQuery.mtnWallet(Msisdn.of("+256 779 999703")).value()).isEqualTo("21_MTN_256779999703");
        assertThat(CatalogQuery.cellulant("254707720002", "042381176772", "KE-DSTV").value())
                .isEqualTo("17_254707720002_042381176772_KE-DSTV");
        assertThat(CatalogQuery.cellulant((String) null, "042381176772", "KE-DSTV").value())
                .isEqualTo("17_0_042381176772_KE-DSTV");
        assertThat(CatalogQuery.cellulant(Msisdn.of("+254707720002"), "042381176772", "KE-DSTV").value())
                .isEqualTo("17_254707720002_042381176772_KE-DSTV");
        assertThat(CatalogQuery.frontierWeb().value()).isEqualTo("20");
        assertThat(CatalogQuery.partner(14).value()).isEqualTo("14");
        assertThat(CatalogQuery.of("21_NWSC_1_Kampala")).isEqualTo(CatalogQuery.nwsc("1", "Kampala"));
        assertThat(CatalogQuery.nwsc("1", "Kampala").hashCode()).isEqualTo(CatalogQuery.of("21_NWSC_1_Kampala").hashCode());
        assertThat(CatalogQuery.umeme("200166426").partnerId()).isEqualTo(21);
        assertThat(CatalogQuery.frontierWeb().partnerId()).isEqualTo(20);
        assertThat(CatalogQuery.of("X_1").partnerId()).isEqualTo(-1);
    }

    @Test
    void catalogQueryPartsAreValidated() {
        assertThatThrownBy(() -> CatalogQuery.nwsc("21117391", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("area");
        assertThatThrownBy(() -> CatalogQuery.umeme("2001_66426")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'_'");
        assertThatThrownBy(() -> CatalogQuery.kganya("0310564280", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogQuery.partner(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogQuery.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogQueryToStringMasksNumbers() {
        assertThat(CatalogQuery.mtnWallet("256779999703").toString()).isEqualTo("21_MTN_2567******03");
    }

    @Test
    void paymentDataJoinsAndSplitsAtTheFirstUnderscore() {
        assertThat(PaymentData.of(5, "VD50").value()).isEqualTo("5_VD50");
        PaymentData kganya = PaymentData.parse("16_0310564280_T089775335322_3");
        assertThat(kganya.partnerId()).isEqualTo(16);
        assertThat(kganya.productId()).isEqualTo("0310564280_T089775335322_3");
        assertThat(kganya.toString()).doesNotContain("0310564280");
        assertThatThrownBy(() -> PaymentData.parse("VD50")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentData.parse("x_VD50")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentData.parse("5_")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentData.of(5, "V D")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentData.of(-1, "VD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPaymentRequestGeneratesItsExternalIdOnceAndHidesThePhone() {
        PaymentRequest request = PaymentRequest.builder(PaymentData.of(15, "1764")).phone("27821234567")
                .additionalField("msisdn", "27821234567").amount(new BigDecimal("150")).build();
        assertThat(request.externalUniqueId()).matches("[0-9a-f-]{36}");
        assertThat(request.externalUniqueId()).isEqualTo(request.externalUniqueId());
        assertThat(request.type()).isEqualTo("GLOBAL_VAS");
        assertThat(request.toString()).doesNotContain("27821234567").contains("1764");
        assertThat(PaymentRequest.builder(PaymentData.of(15, "1764")).build().externalUniqueId())
                .isNotEqualTo(PaymentRequest.builder(PaymentData.of(15, "1764")).build().externalUniqueId());
        assertThatThrownBy(() -> PaymentRequest.builder(PaymentData.of(15, "1764")).amount(new BigDecimal("-1")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentUpdate.builder().amount(new BigDecimal("-1")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentStatusIsReadTolerantly() {
        assertThat(PaymentStatus.of("pending")).isEqualTo(PaymentStatus.PENDING);
        assertThat(PaymentStatus.of("SUCCESS")).isEqualTo(PaymentStatus.SUCCESSFUL);
        assertThat(PaymentStatus.of("Failed")).isEqualTo(PaymentStatus.ERROR);
        assertThat(PaymentStatus.of("CANCELED")).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(PaymentStatus.of("EXPIRED").isFinal()).isTrue();
        assertThat(PaymentStatus.of("NEW_THING")).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(PaymentStatus.of(null)).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(PaymentStatus.PENDING.isFinal()).isFalse();
    }

    @Test
    void toStringsNeverShowFullNumbers() {
        Payment p = new Payment(1, "e", PaymentStatus.PENDING, "PENDING", BigDecimal.TEN, null, "UGX", null,
                List.of(AdditionalField.of("destinationPhone", "256779999703")), null, null, "256779999703",
                "256779999703", null, null, null, new ExtraInfo("{\"dtbSourcePhone\":\"256779999703\"}",
                Map.of("dtbSourcePhone", "256779999703")), null, "256779999703", null, null, null, null);
        assertThat(p.toString()).doesNotContain("256779999703");
        assertThat(p.extraInfo().toString()).isEqualTo("ExtraInfo[dtbSourcePhone]");
        assertThat(AdditionalField.of("msisdn", "256779999703").toString()).isEqualTo("msisdn=2567******03");
        assertThat(new ProductField("CustRef", null, null, null, "21117391").toString()).doesNotContain("21117391");
        assertThat(new PaymentCompletion(1, null, "Sent to 256779999703").toString()).doesNotContain("256779999703");
        assertThat(p.money()).isPresent();
        assertThat(p.feeMoney()).isEmpty();
        assertThat(p.additionalField("DESTINATIONPHONE")).contains("256779999703");
    }

    @Test
    void catalogHelpers() {
        CatalogProduct vd50 = new CatalogProduct(5, "VD50", "DATA2.5GB", "DATA", null, null, null, false, null);
        CatalogProduct m512 = new CatalogProduct(4, "M512", "DATA500MB", "DATA", null, null, null, false, null);
        Catalog catalog = new Catalog(List.of(new CatalogPartner(5, "Vodacom", 1, List.of(vd50)),
                new CatalogPartner(4, "MTN", 1, List.of(m512))));
        assertThat(catalog.productsOf(5)).containsExactly(vd50);
        assertThat(catalog.productsOf(99)).isEmpty();
        assertThat(catalog.productsFor(new NetworkLookup(Msisdn.of("27831234567"), 4, "MTN", null))).containsExactly(m512);
        assertThat(catalog.productsFor(new NetworkLookup(Msisdn.of("27831234567"), null, null, null))).isEmpty();
        assertThat(catalog.product(PaymentData.of(4, "M512"))).contains(m512);
        assertThat(catalog.product(PaymentData.of(5, "M512"))).isEmpty();
        assertThat(catalog.isEmpty()).isFalse();
        assertThat(new Catalog(null).isEmpty()).isTrue();
        assertThat(vd50.fieldValue("msisdn")).isEmpty();
        assertThatThrownBy(() -> new CatalogProduct(5, " ", null, null, null, null, null, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
