package io.dcb4j.examples.gates;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the public API of compiled classes as one line per signature, read by reflection (no class is
 * initialised). A line starts with the owner type's name so that a diff line says where it belongs:
 *
 * <pre>
 * io.dcb4j.core.model.Money: public record Money(java.math.BigDecimal amount, java.util.Currency currency)
 * io.dcb4j.core.model.Money: public static io.dcb4j.core.model.Money of(java.lang.String, java.lang.String)
 * </pre>
 *
 * <p>What is listed: public and protected types whose enclosing types are accessible too, with their kind,
 * modifiers, type parameters, supertypes, record components and permitted subtypes; their public and protected
 * constructors, methods and fields (protected members only where the type can be subclassed), including those
 * inherited from a superclass or interface that is not accessible itself. Only what a type declares is listed,
 * never what it inherits from the JDK, so the file does not depend on the JDK that runs the build. Parameter
 * names are left out (renaming one changes no caller); synthetic and bridge members are left out.
 */
final class ApiSignatures {

    /** Which section of the API files a package belongs to. */
    enum Section {
        PUBLIC(""), SPI("-spi"), INTERNAL("-internal");

        final String fileSuffix;

        Section(String fileSuffix) {
            this.fileSuffix = fileSuffix;
        }

        static Section of(String packageName) {
            List<String> parts = Arrays.asList(packageName.split("\\."));
            if (parts.contains("internal")) {
                return INTERNAL;
            }
            return parts.contains("spi") ? SPI : PUBLIC;
        }
    }

    /** One line of an API file and the section it belongs to. */
    record Line(Section section, String owner, int order, String text) {
    }

    private ApiSignatures() {
    }

    /** The API lines of the given classes, sorted by owner type, then kind, then text. */
    static List<Line> of(List<Class<?>> classes) {
        List<Line> lines = new ArrayList<>();
        for (Class<?> type : classes) {
            if (accessible(type)) {
                lines.addAll(lines(type));
            }
        }
        lines.sort(Comparator.comparing(Line::owner).thenComparing(Line::order).thenComparing(Line::text));
        return lines;
    }

    /** A type outside the API: not public or protected, synthetic, local, anonymous, or nested in such a type. */
    static boolean accessible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (t.isSynthetic() || t.isAnonymousClass() || t.isLocalClass()
                    || !(Modifier.isPublic(t.getModifiers()) || Modifier.isProtected(t.getModifiers()))) {
                return false;
            }
        }
        return true;
    }

    private static List<Line> lines(Class<?> type) {
        String owner = type.getCanonicalName();
        Section section = Section.of(type.getPackageName());
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(section, owner, 0, owner + ": " + declaration(type)));
        boolean subclassable = !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord();

        for (Field field : type.getDeclaredFields()) {
            if (visible(field, subclassable)) {
                lines.add(new Line(section, owner, 1, owner + ": " + field(field)));
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor, subclassable) && !type.isEnum()) {
                lines.add(new Line(section, owner, 2, owner + ": " + executable(type, constructor)));
            }
        }
        Set<String> declared = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method, subclassable) && !method.isBridge()) {
                declared.add(erasedKey(method));
                lines.add(new Line(section, owner, 3, owner + ": " + executable(type, method)));
            }
        }
        // public members of supertypes that are not accessible themselves are reached through this type
        for (Class<?> hidden : hiddenSupertypes(type)) {
            for (Method method : hidden.getDeclaredMethods()) {
                if (visible(method, subclassable) && !method.isBridge() && !Modifier.isStatic(method.getModifiers())
                        && declared.add(erasedKey(method))) {
                    lines.add(new Line(section, owner, 3, owner + ": " + executable(type, method)
                            + " (from " + name(hidden) + ")"));
                }
            }
        }
        return lines;
    }

    private static List<Class<?>> hiddenSupertypes(Class<?> type) {
        List<Class<?>> hidden = new ArrayList<>();
        List<Class<?>> queue = new ArrayList<>();
        queue.add(type);
        Set<Class<?>> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            Class<?> t = queue.remove(0);
            List<Class<?>> supers = new ArrayList<>(Arrays.asList(t.getInterfaces()));
            if (t.getSuperclass() != null) {
                supers.add(t.getSuperclass());
            }
            for (Class<?> s : supers) {
                if (seen.add(s) && !accessible(s) && s.getName().startsWith("io.dcb4j.")) {
                    hidden.add(s);
                    queue.add(s);
                }
            }
        }
        hidden.sort(Comparator.comparing(Class::getName));
        return hidden;
    }

    private static boolean visible(Member member, boolean subclassable) {
        if (member.isSynthetic()) {
            return false;
        }
        int m = member.getModifiers();
        return Modifier.isPublic(m) || (Modifier.isProtected(m) && subclassable);
    }

    private static String erasedKey(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static String declaration(Class<?> type) {
        StringBuilder s = new StringBuilder(deprecated(type));
        s.append(visibility(type.getModifiers()));
        int m = type.getModifiers();
        boolean nested = type.getDeclaringClass() != null;
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
        } else if (type.isInterface()) {
            kind = "interface";
        } else if (type.isEnum()) {
            kind = "enum";
        } else if (type.isRecord()) {
            kind = "record";
        } else {
            kind = "class";
            if (Modifier.isAbstract(m)) {
                s.append("abstract ");
            }
            if (nested && Modifier.isStatic(m)) {
                s.append("static ");
            }
            if (Modifier.isFinal(m)) {
                s.append("final ");
            }
        }
        if (type.isSealed() && !type.isEnum()) {
            s.append("sealed ");
        }
        s.append(kind).append(' ').append(type.getSimpleName()).append(typeParameters(type.getTypeParameters()));
        if (type.isRecord()) {
            s.append(Arrays.stream(type.getRecordComponents()).map(ApiSignatures::component)
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && !type.isEnum() && !type.isRecord() && superclass != Object.class) {
            s.append(" extends ").append(name(superclass));
        }
        List<String> interfaces = Arrays.stream(type.getGenericInterfaces()).map(ApiSignatures::name)
                .filter(i -> !(type.isAnnotation() && i.equals("java.lang.annotation.Annotation"))).toList();
        if (!interfaces.isEmpty()) {
            s.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (type.isSealed() && !type.isEnum()) {
            s.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(ApiSignatures::name)
                    .sorted().collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String field(Field field) {
        if (field.isEnumConstant()) {
            return deprecated(field) + "enum constant " + field.getName();
        }
        int m = field.getModifiers();
        return deprecated(field) + visibility(m) + (Modifier.isStatic(m) ? "static " : "")
                + (Modifier.isFinal(m) ? "final " : "") + name(field.getGenericType()) + " " + field.getName();
    }

    private static String executable(Class<?> owner, Executable e) {
        int m = e.getModifiers();
        StringBuilder s = new StringBuilder(deprecated(e)).append(visibility(m));
        if (e instanceof Method method) {
            if (owner.isInterface()) {
                if (method.isDefault()) {
                    s.append("default ");
                } else if (Modifier.isStatic(m)) {
                    s.append("static ");
                }
            } else {
                if (Modifier.isAbstract(m)) {
                    s.append("abstract ");
                }
                if (Modifier.isStatic(m)) {
                    s.append("static ");
                }
                if (Modifier.isFinal(m)) {
                    s.append("final ");
                }
            }
            String typeParameters = typeParameters(method.getTypeParameters());
            if (!typeParameters.isEmpty()) {
                s.append(typeParameters).append(' ');
            }
            s.append(name(method.getGenericReturnType())).append(' ').append(method.getName());
        } else {
            String typeParameters = typeParameters(e.getTypeParameters());
            if (!typeParameters.isEmpty()) {
                s.append(typeParameters).append(' ');
            }
            s.append(owner.getSimpleName());
        }
        s.append(parameters(e));
        Type[] exceptions = e.getGenericExceptionTypes();
        if (exceptions.length > 0) {
            s.append(" throws ").append(Arrays.stream(exceptions).map(ApiSignatures::name).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String parameters(Executable e) {
        // getGenericParameterTypes leaves out the outer instance of inner-class constructors and may leave out
        // enum constructors' synthetic parameters; fall back to the erased types when the counts differ
        Type[] generic = e.getGenericParameterTypes();
        Type[] types = generic.length == e.getParameterCount() ? generic : e.getParameterTypes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String name = name(types[i]);
            if (e.isVarArgs() && i == types.length - 1 && name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2) + "...";
            }
            names.add(name);
        }
        return names.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(v -> {
            List<String> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class)
                    .map(ApiSignatures::name).toList();
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    /** A type as source code writes it, with canonical (dotted) names for nested classes. */
    static String name(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return name(c.getComponentType()) + "[]";
            }
            return c.getCanonicalName() != null ? c.getCanonicalName() : c.getName();
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            String base = p.getOwnerType() instanceof ParameterizedType owner
                    ? name(owner) + "." + raw.getSimpleName()
                    : name(raw);
            return base + Arrays.stream(p.getActualTypeArguments()).map(ApiSignatures::name)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + name(w.getLowerBounds()[0]);
            }
            Type[] upper = w.getUpperBounds();
            return upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + name(upper[0]);
        }
        if (type instanceof GenericArrayType g) {
            return name(g.getGenericComponentType()) + "[]";
        }
        if (type instanceof TypeVariable<?> v) {
            return v.getName();
        }
        throw new IllegalArgumentException("unknown kind of type: " + type.getClass());
    }

    private static String visibility(int modifiers) {
        if (Modifier.isPublic(modifiers)) {
            return "public ";
        }
        return Modifier.isProtected(modifiers) ? "protected " : "";
    }

    private static String deprecated(Object element) {
        boolean deprecated = element instanceof Class<?> c ? c.isAnnotationPresent(Deprecated.class)
                : ((AccessibleObject) element).isAnnotationPresent(Deprecated.class);
        return deprecated ? "@Deprecated " : "";
    }

    private static String component(RecordComponent c) {
        return name(c.getGenericType()) + " " + c.getName();
    }
}
