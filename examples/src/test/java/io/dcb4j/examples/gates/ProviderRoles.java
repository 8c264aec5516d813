package io.dcb4j.examples.gates;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The class roles every provider module has, as data: each role is a class named {@code <Name><suffix>} in a
 * package of the provider ({@code <Name>} is the module's name prefix, {@code EclipseVas} for
 * {@code eclipse-vas}; the package is the module's root package plus the role's sub-package).
 *
 * <p>{@link #ENFORCED} names the roles that {@code ArchitectureTest} checks for every provider module. Every
 * provider already follows the first three; the others describe the shape the provider modules are moving to. To
 * switch a role on once every provider has it, add its name to {@link #ENFORCED}: the test then fails for each
 * provider that lacks the class or has a class of the role's type under another name.
 */
final class ProviderRoles {

    /** Whether the role's class must exist, or is checked only where the provider has a class of that type. */
    enum Presence {
        /** Every provider has the class. */
        REQUIRED,
        /** A provider that has a class of the role's type (say, a token source) names it this way. */
        WHERE_USED
    }

    /**
     * One role.
     *
     * @param name the role's name in {@link #ENFORCED}
     * @param subPackage the package below the provider's root package ({@code ""} for the root package)
     * @param suffix the class name after the provider's name prefix
     * @param presence required, or only where the provider has a class of {@code type}
     * @param type the simple name of an interface or class of core that the role's class implements or extends;
     *     every class of the provider of that type must be this role's class
     */
    record Role(String name, String subPackage, String suffix, Presence presence, Optional<String> type) {

        String packageOf(Reactor.Module provider) {
            return subPackage.isEmpty() ? provider.rootPackage() : provider.rootPackage() + "." + subPackage;
        }

        String classOf(Reactor.Module provider) {
            return packageOf(provider) + "." + provider.namePrefix() + suffix;
        }
    }

    /** Every role of the provider shape, enforced or not yet. */
    static final List<Role> ROLES = List.of(
            new Role("client", "", "Client", Presence.REQUIRED, Optional.empty()),
            new Role("provider-factory", "", "ProviderFactory", Presence.REQUIRED,
                    Optional.of("BillingProviderFactory")),
            new Role("notification-parser", "notification", "NotificationParser", Presence.REQUIRED,
                    Optional.of("NotificationParser")),
            new Role("wire", "internal", "Wire", Presence.REQUIRED, Optional.empty()),
            new Role("mapper", "internal", "Mapper", Presence.REQUIRED, Optional.empty()),
            new Role("error-mapper", "internal", "ErrorMapper", Presence.REQUIRED, Optional.of("ErrorMapper")),
            new Role("token-source", "internal", "TokenSource", Presence.WHERE_USED, Optional.of("TokenSource")),
            new Role("neutral-api", "internal", "NeutralApi", Presence.REQUIRED, Optional.empty()));

    /** The roles checked for every provider module: all of them. */
    static final Set<String> ENFORCED = Set.of("client", "provider-factory", "notification-parser", "wire", "mapper",
            "error-mapper", "token-source", "neutral-api");

    private ProviderRoles() {
    }

    static List<Role> enforced() {
        return ROLES.stream().filter(r -> ENFORCED.contains(r.name())).toList();
    }
}
