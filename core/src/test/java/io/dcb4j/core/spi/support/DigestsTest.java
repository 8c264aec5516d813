package io.dcb4j.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The digests behind derived ids: the same text gives the same id, whatever was digested before on the thread. */
class DigestsTest {

    @Test
    void theFirstBytesOfSha256InLowerCaseHex() {
        for (int round = 0; round < 3; round++) {
            assertThat(Digests.sha256Hex("abc", 32))
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThat(Digests.sha256Hex("", 4)).isEqualTo("e3b0c442");
            assertThat(Digests.sha256Hex("caf\u00e9", 8))
                    .isEqualTo(Digests.sha256Hex("caf\u00e9", 32).substring(0, 16));
        }
    }
}
