package io.dcb4j.examples.gates;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The public API's null convention: an absent result is an {@link java.util.Optional}, never {@code null}. This
 * test reads the byte code of every published module and fails on a public or protected method of a public type
 * outside {@code internal} packages that returns the {@code null} constant. (A record component documented as
 * optional is read through its accessor; records convert to {@code Optional} accessors as they are touched.)
 */
class NullConventionTest {

    /**
     * Methods that returned null before the convention was checked; this list may only shrink. The Centili
     * look-ups map an absent wire value to an absent record component; the SPI helpers are named for it
     * ({@code ...OrNull}) or pass a null through.
     */
    static final Set<String> KNOWN = Set.of(
            "io.dcb4j.centili.model.NotificationStatus#fromWire",
            "io.dcb4j.centili.model.TransactionStatus#fromWire",
            "io.dcb4j.centili.model.TransactionType#fromWire",
            "io.dcb4j.centili.notification.PaymentStatus#fromWire",
            "io.dcb4j.core.spi.http.ApiResponse#jsonTreeOrNull",
            "io.dcb4j.core.spi.json.Json#treeOrNull",
            "io.dcb4j.core.spi.support.ConfigChecks#allowList",
            "io.dcb4j.core.spi.support.Decimals#requirePositive",
            "io.dcb4j.core.spi.support.Redaction#cleanDescription",
            "io.dcb4j.core.spi.support.Redaction#maskPhoneNumbers",
            "io.dcb4j.core.spi.support.Redaction#printable",
            "io.dcb4j.core.spi.support.Redaction#providerText",
            "io.dcb4j.core.spi.support.Redaction#sanitize",
            "io.dcb4j.core.spi.support.Timestamps#parse");

    static List<String> violations(Path classes) {
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.contains("/internal/") || name.endsWith("module-info.class")
                        || name.endsWith("package-info.class")) {
                    continue;
                }
                new ClassReader(Files.readAllBytes(file)).accept(new Scan(found), ClassReader.SKIP_DEBUG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Collects public methods of public classes with an {@code ACONST_NULL} directly followed by {@code ARETURN}. */
    private static final class Scan extends ClassVisitor {
        private final List<String> found;
        private String owner;
        private boolean publicType;

        Scan(List<String> found) {
            super(Opcodes.ASM9);
            this.found = found;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            owner = name.replace('/', '.');
            publicType = (access & Opcodes.ACC_PUBLIC) != 0;
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (name.replace('/', '.').equals(owner) && (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0) {
                publicType = false;
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            boolean exposed = publicType && (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0
                    && (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0;
            char ret = descriptor.charAt(descriptor.indexOf(')') + 1);
            if (!exposed || (ret != 'L' && ret != '[')) {
                return null;
            }
            String where = owner + "#" + name;
            return new MethodVisitor(Opcodes.ASM9) {
                private boolean lastWasNull;

                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.ARETURN && lastWasNull) {
                        found.add(where);
                    }
                    lastWasNull = opcode == Opcodes.ACONST_NULL;
                }

                @Override
                public void visitVarInsn(int opcode, int var) {
                    lastWasNull = false;
                }

                @Override
                public void visitMethodInsn(int opcode, String o, String n, String d, boolean itf) {
                    lastWasNull = false;
                }

                @Override
                public void visitFieldInsn(int opcode, String o, String n, String d) {
                    lastWasNull = false;
                }

                @Override
                public void visitJumpInsn(int opcode, com.tngtech.archunit.thirdparty.org.objectweb.asm.Label label) {
                    lastWasNull = false;
                }

                @Override
                public void visitLabel(com.tngtech.archunit.thirdparty.org.objectweb.asm.Label label) {
                    // a jump target between the two instructions still returns null from that path
                }
            };
        }
    }

    @Test
    void noPublicMethodOfAPublishedModuleReturnsNull() {
        Set<String> found = new TreeSet<>();
        for (Reactor.Module module : Reactor.published()) {
            found.addAll(violations(module.classes()));
        }
        assertThat(found).as("public methods returning null: return Optional instead (CONTRIBUTING, null convention)")
                .isSubsetOf(KNOWN);
        assertThat(KNOWN).as("fixed methods still listed as known: remove them").isSubsetOf(found);
    }

    @Test
    void theScanFindsAReturnedNull() throws Exception {
        Path classes = Path.of(NullConventionTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(violations(classes))
                .contains(ReturnsNull.class.getName() + "#value")
                .doesNotContain(ReturnsNull.class.getName() + "#optional");
    }

    /** A public type of the test classes with one method that breaks the convention. */
    public static final class ReturnsNull {
        /**
         * Breaks the convention.
         *
         * @return null
         */
        public String value() {
            return null;
        }

        /**
         * Keeps it.
         *
         * @return empty
         */
        public java.util.Optional<String> optional() {
            return java.util.Optional.empty();
        }
    }
}
