package dev.meridian.persistence.tenancy;

import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.tenancy.ApiKeyToken;
import dev.meridian.domain.tenancy.PasswordResetSecret;
import dev.meridian.domain.tenancy.Role;
import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Finds credentials before anyone is known, through the database's lookup functions: each answers one exact
 * username, key or reset token and nothing else across tenants.
 */
@Stateless
@RowLevelSecured
public class CredentialRepository {

    /** A user's stored password hash, with who they are if it matches. */
    public record Login(Caller caller, String passwordHash, boolean active) {
    }

    /** The holder of a valid API key, and which key it was (what metering and quotas count by). */
    public record KeyLogin(Caller caller, UUID keyId) {
    }

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<Login> login(String username) {
        return entityManager.createNativeQuery("SELECT user_id, organization_id, username, role, platform_admin,"
                + " password_hash, active FROM meridian_login_lookup(?1)")
                .setParameter(1, username)
                .getResultStream()
                .findFirst()
                .map(row -> {
                    var columns = (Object[]) row;
                    return new Login(caller(columns), (String) columns[5], (Boolean) columns[6]);
                });
    }

    public Optional<KeyLogin> apiKey(ApiKeyToken token) {
        return entityManager.createNativeQuery("SELECT user_id, organization_id, username, role, platform_admin,"
                + " key_id FROM meridian_api_key_authenticate(?1, ?2)")
                .setParameter(1, token.prefix())
                .setParameter(2, token.hash())
                .getResultStream()
                .findFirst()
                .map(row -> {
                    var columns = (Object[]) row;
                    return new KeyLogin(caller(columns), uuid(columns[5]));
                });
    }

    /** Whom a usable password reset token was issued for. */
    public Optional<Caller> passwordReset(PasswordResetSecret secret) {
        return entityManager.createNativeQuery("SELECT user_id, organization_id, username, role, platform_admin"
                + " FROM meridian_password_reset_lookup(?1)")
                .setParameter(1, secret.hash())
                .getResultStream()
                .findFirst()
                .map(row -> caller((Object[]) row));
    }

    private static Caller caller(Object[] columns) {
        return new Caller(uuid(columns[0]), uuid(columns[1]), (String) columns[2], Role.fromCode((String) columns[3]),
                (Boolean) columns[4]);
    }

    // the driver answers uuid columns as UUID; a native query may hand them through as text
    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
