package io.dcb4j.examples.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A project that imports only dcb4j's BOM and depends on every published module passes the enforcer's {@code
 * dependencyConvergence} and {@code requireUpperBoundDeps}, as a user's build that enforces them would. Maven runs
 * on such a project with a scratch local repository that holds the reactor's poms as the dcb4j artifacts, and
 * takes everything else (the enforcer, the third-party poms) from the build's own local repository through a
 * mirror, so it needs no network and installs nothing into the shared repository. Without the BOM's pins of
 * kotlin-stdlib and okio-jvm the rule fails: okhttp-jvm asks for kotlin-stdlib 2.2.21, okio-jvm for 2.2.20.
 */
class BomConsumerTest {

    @Test
    void aConsumerImportingOnlyTheBomPassesDependencyConvergenceAndUpperBounds(@TempDir Path dir) throws Exception {
        Path root = Reactor.root();
        Element parent = Reactor.parse(root.resolve("pom.xml"));
        String version = Reactor.text(parent, "version").orElseThrow();
        Path repo = dir.resolve("repo");
        seed(repo, "dcb4j-parent", version, root.resolve("pom.xml"));
        seed(repo, "dcb4j-bom", version, root.resolve("bom/pom.xml"));
        List<String> artifacts = new ArrayList<>();
        for (Reactor.Module module : Reactor.published()) {
            seed(repo, module.artifactId(), version, module.basedir().resolve("pom.xml"));
            artifacts.add(module.artifactId());
        }
        assertThat(artifacts).contains("dcb4j-core", "dcb4j-micrometer");

        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>build-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(required("dcb4j.local.repository")).toUri()), StandardCharsets.UTF_8);
        String enforcer = enforcerVersion(parent);
        Path consumer = dir.resolve("consumer");
        Files.createDirectories(consumer);
        StringBuilder dependencies = new StringBuilder();
        for (String artifact : artifacts) {
            dependencies.append("    <dependency><groupId>io.dcb4j</groupId><artifactId>").append(artifact)
                    .append("</artifactId></dependency>\n");
        }
        Files.writeString(consumer.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>bom-consumer</artifactId>
                  <version>1</version>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>io.dcb4j</groupId>
                        <artifactId>dcb4j-bom</artifactId>
                        <version>%s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                %s  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-enforcer-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <rules>
                            <dependencyConvergence/>
                            <requireUpperBoundDeps/>
                          </rules>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version, dependencies, enforcer), StandardCharsets.UTF_8);

        Path log = dir.resolve("maven.log");
        String mvn = Path.of(required("dcb4j.maven.home"), "bin",
                System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows") ? "mvn.cmd" : "mvn")
                .toString();
        Process maven = new ProcessBuilder(mvn, "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo, "-f", consumer.resolve("pom.xml").toString(),
                "org.apache.maven.plugins:maven-enforcer-plugin:" + enforcer + ":enforce")
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        maven.getOutputStream().close();
        boolean ended = maven.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            maven.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("Maven on the BOM consumer ended within 5 minutes:\n" + output).isTrue();
        assertThat(maven.exitValue()).as("Maven on a project importing only the BOM:\n" + output).isZero();
    }

    /** Lays a pom into the scratch repository as the artifact {@code io.dcb4j:<artifactId>:<version>}. */
    private static void seed(Path repo, String artifactId, String version, Path pom) throws IOException {
        Path target = repo.resolve("io/dcb4j").resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".pom");
        Files.createDirectories(target.getParent());
        Files.copy(pom, target);
    }

    /** The enforcer version of the parent's plugin management: the one the build itself has in its repository. */
    private static String enforcerVersion(Element parent) {
        Element plugins = Reactor.child(Reactor.child(Reactor.child(parent, "build").orElseThrow(),
                "pluginManagement").orElseThrow(), "plugins").orElseThrow();
        return Reactor.children(plugins, "plugin").stream()
                .filter(p -> Reactor.text(p, "artifactId").orElse("").equals("maven-enforcer-plugin"))
                .map(p -> Reactor.text(p, "version").orElseThrow()).findFirst().orElseThrow();
    }

    /** A system property the examples pom gives the tests (surefire's systemPropertyVariables). */
    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException(name + " is not set: run the test through Maven (examples/pom.xml sets it)");
        }
        return value;
    }
}
