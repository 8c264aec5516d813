package io.dcb4j.examples.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The modules of the build as the poms declare them, so that the gates need no list of modules of their own: a
 * new provider module is checked as soon as the root pom names it.
 *
 * <ul>
 *   <li>published: packaging {@code jar} and no {@code maven.deploy.skip=true} (core, the providers, testkit);
 *   <li>provider: published, and registers a {@code BillingProviderFactory} in {@code META-INF/services}.
 * </ul>
 */
final class Reactor {

    private static final String FACTORY_SERVICE = "io.dcb4j.core.spi.BillingProviderFactory";

    /** One module of the root pom. */
    record Module(String dir, String artifactId, String packaging, boolean published, Path basedir) {

        Path classes() {
            return basedir.resolve("target").resolve("classes");
        }

        Path mainJava() {
            return basedir.resolve("src").resolve("main").resolve("java");
        }

        /** A provider module registers a BillingProviderFactory. */
        boolean provider() {
            return published && Files.isRegularFile(
                    basedir.resolve("src/main/resources/META-INF/services").resolve(FACTORY_SERVICE));
        }

        /** The root package by convention: {@code io.dcb4j.} plus the directory name without dashes. */
        String rootPackage() {
            return "io.dcb4j." + dir.replace("-", "");
        }

        /**
         * The provider's class name prefix by convention: each dash-separated part of the directory name
         * capitalised ({@code eclipse-vas} is {@code EclipseVas}, {@code b2m-aoc} is {@code B2mAoc}).
         */
        String namePrefix() {
            StringBuilder name = new StringBuilder();
            for (String part : dir.split("-")) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            return name.toString();
        }

        @Override
        public String toString() {
            return dir;
        }
    }

    private Reactor() {
    }

    /** The repository root: the nearest directory upwards with the parent pom. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.isDirectory(dir.resolve("examples"))) {
                Element project = parse(pom);
                if ("dcb4j-parent".equals(text(project, "artifactId").orElse(""))) {
                    return dir;
                }
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("the repository root (pom.xml of dcb4j-parent) is not above "
                + Path.of("").toAbsolutePath());
    }

    /** Every module of the root pom, in the pom's order. */
    static List<Module> modules() {
        Path root = root();
        Element parent = parse(root.resolve("pom.xml"));
        List<Module> modules = new ArrayList<>();
        for (Element module : children(child(parent, "modules").orElseThrow(), "module")) {
            String dir = module.getTextContent().strip();
            Path basedir = root.resolve(dir);
            Element project = parse(basedir.resolve("pom.xml"));
            String artifactId = text(project, "artifactId").orElseThrow();
            String packaging = text(project, "packaging").orElse("jar");
            boolean deploySkipped = child(project, "properties").flatMap(p -> text(p, "maven.deploy.skip"))
                    .map(Boolean::parseBoolean).orElse(false);
            modules.add(new Module(dir, artifactId, packaging, packaging.equals("jar") && !deploySkipped,
                    basedir));
        }
        return modules;
    }

    static List<Module> published() {
        return modules().stream().filter(Module::published).toList();
    }

    static List<Module> providers() {
        return modules().stream().filter(Module::provider).toList();
    }

    /** The binary names of the classes compiled into a module's {@code target/classes}. */
    static List<String> classNames(Module module) {
        Path classes = module.classes();
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + " does not exist: build the module first (mvn -B verify"
                    + " builds every module before examples)");
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.endsWith("module-info.class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(pom.toFile());
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(pom + " is not readable XML", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip());
    }
}
