package io.dcb4j.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PinChallengeSerializationTest {

    private static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    @Test
    void aChallengeSurvivesASessionStoreWithEveryPart() throws Exception {
        SubscribeRequest request = SubscribeRequest.builder(Msisdn.of("+216 98 765 432"), OfferId.of("123"))
                .price(Money.of("1.500", "TND")).frequency("weekly").param("channel", "web").build();
        for (NextAction action : List.of(NextAction.none(), new NextAction.EnterPin("type the PIN"),
                new NextAction.Redirect("https://pay.example/consent", "https://shop.example/back", null),
                new NextAction.SendSms("1234", "YES", null),
                new NextAction.SolveCaptcha("https://pay.example/c.png",
                        List.of(new NextAction.CaptchaAnswer("a1", "https://pay.example/a1.png")), null),
                new NextAction.Unknown("QR", "scan it"))) {
            PinChallenge challenge = new PinChallenge("eklectic", "4ecffb66", request,
                    Instant.parse("2026-12-01T10:00:00Z"), action, Map.of("expire", "2026-12-01 11:00:00"));

            Object back = read(write(challenge));

            assertThat(back).isEqualTo(challenge);
            PinChallenge copy = (PinChallenge) back;
            assertThat(copy.request().msisdn().digits()).isEqualTo("21698765432");
            assertThat(copy.request().price().amount()).isEqualByComparingTo("1.500");
            if (action instanceof NextAction.None) {
                assertThat(copy.nextAction()).isSameAs(NextAction.none());
            }
        }
    }

    @Test
    void detailsRenderedOnFirstReadSurviveASessionStoreAsAPlainMap() throws Exception {
        SubscribeRequest request = SubscribeRequest.builder(Msisdn.of("21698765432"), OfferId.of("123")).build();
        PinChallenge challenge = new PinChallenge("eklectic", "4ecffb66", request, null, NextAction.none(),
                io.dcb4j.core.spi.support.Details.builder().put("expire", "2026-12-01 11:00:00")
                        .put("at", Instant.parse("2026-12-01T10:00:00Z")).build());

        PinChallenge copy = (PinChallenge) read(write(challenge));

        assertThat(copy).isEqualTo(challenge);
        assertThat(copy.details()).containsExactly(Map.entry("expire", "2026-12-01 11:00:00"),
                Map.entry("at", "2026-12-01T10:00:00Z"));
    }

    @Test
    void aMsisdnIsValidatedAgainWhenRead() throws Exception {
        byte[] bytes = write(Msisdn.of("21698765432"));
        // the digits sit in the stream as a UTF string: tamper with one to make the number invalid
        String stream = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] tampered = stream.replace("21698765432", "2169876543x").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThat(read(bytes)).isEqualTo(Msisdn.of("21698765432"));
    }

    @Test
    void aMsisdnCannotBeForgedPastItsSerializedForm() {
        assertThatThrownBy(() -> {
            java.lang.reflect.Method m = Msisdn.class.getDeclaredMethod("readObject", ObjectInputStream.class);
            m.setAccessible(true);
            try {
                m.invoke(Msisdn.of("21698765432"), (ObjectInputStream) null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }).isInstanceOf(InvalidObjectException.class);
    }
}
