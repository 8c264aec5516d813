package io.dcb4j.core.spi.http;

import io.dcb4j.core.error.DcbException;

/** Turns a provider's non-2xx answer into the exception to throw. Internal. */
@FunctionalInterface
public interface ErrorMapper {

    /**
     * Maps an error answer.
     *
     * @param request the request that failed
     * @param response the answer, status not 2xx
     * @return the exception to throw; never null
     */
    DcbException map(ApiRequest request, ApiResponse response);
}
