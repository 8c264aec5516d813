/**
 * Not API: the B2M AOC wire DTOs ({@code B2mAocWire}), the reading of answers into the model
 * ({@code B2mAocMapper}), the error mapping ({@code B2mAocErrorMapper}) and the neutral adapters
 * ({@code B2mAocNeutralApi}). Not exported; opened to Jackson only.
 */
package io.dcb4j.b2maoc.internal;
