package io.dcb4j.centili.model;

/**
 * How Centili's payment page looks: the {@code clientData.pageCustomization} object.
 *
 * @param itemName the item name shown to the subscriber, or null
 * @param designId the page design configured at Centili, or null
 * @param language the page language ({@code en}, {@code fr} ...), or null
 */
public record PageCustomization(String itemName, String designId, String language) {
}
