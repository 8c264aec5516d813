package io.dcb4j.examples.gates;

import io.dcb4j.examples.gates.ApiSignatures.Line;
import io.dcb4j.examples.gates.ApiSignatures.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The committed API files of a published module, {@code <module>/api/<artifactId>.api} and, when the module has
 * such packages, {@code <artifactId>-spi.api} (packages with an {@code spi} segment) and
 * {@code <artifactId>-internal.api} (packages with an {@code internal} segment), compared with the API of the
 * compiled classes.
 */
final class ApiBaseline {

    /** The one command that rewrites every API file from the compiled classes. */
    static final String UPDATE_COMMAND = "mvn -B verify -Ddcb4j.api.update=true";
    static final String UPDATE_PROPERTY = "dcb4j.api.update";

    private ApiBaseline() {
    }

    /** The expected content of each API file of a module, by file name; sections without lines have no file. */
    static Map<String, String> render(String artifactId, List<Line> lines) {
        Map<Section, List<String>> bySection = new EnumMap<>(Section.class);
        for (Line line : lines) {
            bySection.computeIfAbsent(line.section(), s -> new ArrayList<>()).add(line.text());
        }
        Map<String, String> files = new LinkedHashMap<>();
        bySection.forEach((section, texts) -> {
            StringBuilder file = new StringBuilder();
            file.append("# ").append(artifactId).append(": ").append(switch (section) {
                case PUBLIC -> "public API (every package without an internal or spi segment)";
                case SPI -> "SPI for provider modules (packages with an spi segment)";
                case INTERNAL -> "internal packages (packages with an internal segment); not for users";
            }).append('\n');
            file.append("# Generated from the compiled classes; do not edit. Update with: ").append(UPDATE_COMMAND)
                    .append('\n');
            texts.forEach(t -> file.append(t).append('\n'));
            files.put(artifactId + section.fileSuffix + ".api", file.toString());
        });
        return files;
    }

    /** The API lines of a module's compiled classes. */
    static List<Line> compiled(Reactor.Module module) {
        ClassLoader loader = ApiBaseline.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (String name : Reactor.classNames(module)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(name + " of " + module.artifactId() + " is not on the class path of"
                        + " the examples tests: examples must depend on every published module", e);
            }
            requireFrom(module, type);
            classes.add(type);
        }
        return ApiSignatures.of(classes);
    }

    /** Refuses a class loaded from anywhere but the module's own build output (a stale jar in ~/.m2). */
    private static void requireFrom(Reactor.Module module, Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        Path target = module.basedir().resolve("target").toAbsolutePath().normalize();
        Optional<Path> location = Optional.ofNullable(source).map(CodeSource::getLocation).map(ApiBaseline::path);
        if (location.isEmpty() || !location.get().startsWith(target)) {
            throw new IllegalStateException(type.getName() + " was loaded from " + location.map(Path::toString)
                    .orElse("an unknown place") + ", not from " + target + ": build the modules in one reactor (mvn -B verify at the repository"
                    + " root, or mvn -pl examples -am ...) so that the check reads this build's classes");
        }
    }

    private static Path path(URL url) {
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    /** The API files found in a module's {@code api} directory, by file name. */
    static Map<String, String> committed(Path apiDir) {
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(apiDir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(apiDir)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".api")).sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * What differs between the committed files and the expected ones, as diff lines ({@code -} only in the
     * committed file, {@code +} only in the compiled classes) under a heading per file; empty when they agree.
     * Comment lines (starting with {@code #}) and blank lines are not compared.
     */
    static List<String> differences(String where, Map<String, String> committed, Map<String, String> expected) {
        List<String> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(expected.keySet());
        names.addAll(committed.keySet());
        for (String name : names) {
            List<String> before = signatures(committed.get(name));
            List<String> after = signatures(expected.get(name));
            if (before.equals(after)) {
                continue;
            }
            out.add(where + "/" + name + (committed.containsKey(name) ? "" : " (missing)")
                    + (expected.containsKey(name) ? "" : " (no longer has any signature: delete it)") + ":");
            Set<String> beforeSet = new LinkedHashSet<>(before);
            Set<String> afterSet = new LinkedHashSet<>(after);
            int shown = 0;
            for (String line : before) {
                if (!afterSet.contains(line) && shown++ < 200) {
                    out.add("  - " + line);
                }
            }
            for (String line : after) {
                if (!beforeSet.contains(line) && shown++ < 200) {
                    out.add("  + " + line);
                }
            }
            if (shown == 0) {
                out.add("  (same lines in another order)");
            } else if (shown > 200) {
                out.add("  ... and " + (shown - 200) + " more");
            }
        }
        return out;
    }

    private static List<String> signatures(String file) {
        if (file == null) {
            return List.of();
        }
        return file.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    /** Replaces the module's API files by the expected ones (and deletes those that have no lines any more). */
    static void write(Path apiDir, Map<String, String> expected) {
        try {
            Files.createDirectories(apiDir);
            for (String name : committed(apiDir).keySet()) {
                if (!expected.containsKey(name)) {
                    Files.delete(apiDir.resolve(name));
                }
            }
            for (Map.Entry<String, String> file : expected.entrySet()) {
                Files.writeString(apiDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
