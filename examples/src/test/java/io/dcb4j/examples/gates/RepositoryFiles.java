package io.dcb4j.examples.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source files of the repository: every file under the root except the {@code .git} directory and what
 * {@code .gitignore} ignores (its patterns are plain names, {@code name/} for directories and {@code *.ext}),
 * so that the check needs no git and sees the same files in a clone and in a source archive.
 */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** Paths relative to the root, with {@code /} separators, sorted. */
    static List<String> list(Path root) {
        List<String> ignored = ignorePatterns(root);
        List<String> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (name.equals(".git") || ignoredName(ignored, name, true))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && !name.equals(".git") && !ignoredName(ignored, name, false)) {
                        files.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    private static List<String> ignorePatterns(Path root) {
        Path gitignore = root.resolve(".gitignore");
        if (!Files.isRegularFile(gitignore)) {
            return List.of();
        }
        try {
            return Files.readAllLines(gitignore, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ignoredName(List<String> patterns, String name, boolean directory) {
        for (String pattern : patterns) {
            boolean dirOnly = pattern.endsWith("/");
            String p = dirOnly ? pattern.substring(0, pattern.length() - 1) : pattern;
            p = p.startsWith("/") ? p.substring(1) : p;
            if (dirOnly && !directory) {
                continue;
            }
            if (p.startsWith("*") ? name.endsWith(p.substring(1)) : name.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** True for a file with a NUL byte in its first 8 KiB: a binary file, not checked as text. */
    static boolean binary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The subset of EditorConfig this repository uses: sections with glob patterns, {@code key = value} lines,
     * later sections overriding earlier ones. A pattern without {@code /} matches a file name in any directory;
     * one with {@code /} matches the path from the root.
     */
    static final class EditorConfig {

        /** A section: its matcher, whether it matches the file name only, and its properties. */
        private record Section(PathMatcher matcher, boolean fileNameOnly, Map<String, String> properties) {
        }

        private final List<Section> sections = new ArrayList<>();

        static EditorConfig read(Path file) {
            try {
                return parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static EditorConfig parse(String text) {
            EditorConfig config = new EditorConfig();
            Map<String, String> current = null;
            for (String raw : text.lines().toList()) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    String glob = line.substring(1, line.length() - 1);
                    boolean fileNameOnly = !glob.contains("/");
                    String pattern = glob.startsWith("/") ? glob.substring(1) : glob;
                    current = new LinkedHashMap<>();
                    config.sections.add(new Section(FileSystems.getDefault().getPathMatcher("glob:" + pattern),
                            fileNameOnly, current));
                } else if (current != null && line.contains("=")) {
                    int eq = line.indexOf('=');
                    current.put(line.substring(0, eq).strip().toLowerCase(), line.substring(eq + 1).strip()
                            .toLowerCase());
                }
            }
            return config;
        }

        /** The properties that apply to a path relative to the root ({@code /} separators). */
        Map<String, String> propertiesOf(String relativePath) {
            Map<String, String> properties = new LinkedHashMap<>();
            Path path = Path.of(relativePath);
            for (Section section : sections) {
                if (section.matcher().matches(section.fileNameOnly() ? path.getFileName() : path)) {
                    properties.putAll(section.properties());
                }
            }
            return properties;
        }
    }
}
