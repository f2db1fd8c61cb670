package dev.meridian.migrations;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The cluster-wide role names a database's migrations create and grant to. Each database on a server may name
 * its own, so tests, demo and benchmark databases never collide.
 */
public record MigrationRoles(String appRole, String readonlyRole) {

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public MigrationRoles {
        requireRoleName(appRole);
        requireRoleName(readonlyRole);
        if (appRole.equals(readonlyRole)) {
            throw new IllegalArgumentException("the application and read-only roles must differ");
        }
    }

    private static void requireRoleName(String name) {
        Objects.requireNonNull(name, "role name");
        // the names are substituted into SQL as quoted identifiers: keep them plain
        if (!ROLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain role name: " + name);
        }
    }
}
