/**
 * The B2M AOC (Advice of Charge) gateway: {@link io.dcb4j.b2maoc.B2mAocClient}, its typed API and its
 * builder, and {@link io.dcb4j.b2maoc.B2mAocProviderFactory}, which registers the provider id {@code b2m-aoc}
 * with {@code BillingProviders}.
 */
package io.dcb4j.b2maoc;
