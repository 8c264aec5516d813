package io.dcb4j.eclipsevas;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The login path is sent as configured: a dot segment would be resolved to another path. */
class LoginPathTest extends WireMockSupport {

    @ParameterizedTest
    @ValueSource(strings = {"/eclipse-conductor/../admin/login", "./login", "/a/./login", ".."})
    void aLoginPathWithDotSegmentsIsAConfigurationError(String path) {
        assertThatThrownBy(() -> builder().loginPath(path).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'login-path'");
    }
}
