package io.dcb4j.benchmarks.coldstart;

import io.dcb4j.benchmarks.HandWritten;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.eklectic.model.Subscriber;
import java.net.http.HttpClient;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * One cold process, one first call, for {@code cold-start.sh}: {@code java -cp benchmarks.jar
 * io.dcb4j.benchmarks.coldstart.FirstCall sdk|okhttp|jdk PORT}. Builds the client, fetches the token and
 * reads the Eklectic subscription once, then prints {@code done <epoch millis>} and exits: the script
 * subtracts the time it launched the JVM. Only the code path asked for is loaded.
 */
public final class FirstCall {

    private FirstCall() {
    }

    /**
     * Runs one first call.
     *
     * @param args variant and port
     */
    public static void main(String[] args) {
        String variant = args[0];
        String base = "http://127.0.0.1:" + args[1] + "/eklectic";
        Subscriber s;
        switch (variant) {
            case "sdk" -> {
                try (EklecticClient client = EklecticClient.builder().clientId("bench-client")
                        .clientSecret("bench-secret").baseUrl(base)
                        .options(ClientOptions.builder().allowInsecureHttp(true).build()).build()) {
                    s = client.subscription("23939206");
                }
            }
            case "okhttp" -> {
                OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(30)).build();
                s = new HandWritten.EklecticOkHttp(http, base, "bench-client", "bench-secret").subscription("23939206");
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            case "jdk" -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                s = new HandWritten.EklecticJdk(http, base, "bench-client", "bench-secret").subscription("23939206");
            }
            default -> throw new IllegalArgumentException("sdk, okhttp or jdk");
        }
        long done = System.currentTimeMillis();
        if (!"23939206".equals(s.id())) {
            throw new IllegalStateException("wrong answer " + s);
        }
        System.out.println("done " + done);
        System.exit(0);
    }
}
