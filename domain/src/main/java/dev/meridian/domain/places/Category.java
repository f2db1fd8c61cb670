package dev.meridian.domain.places;

import java.util.regex.Pattern;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A kind of place (restaurant, museum, park); reference data shared by all tenants, seeded by the migrations.
 */
@Entity
@Table(name = "category")
public class Category extends BaseEntity {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    @Column(name = "code", nullable = false, updatable = false)
    private String code;

    @Column(name = "name", nullable = false)
    private String name;

    protected Category() {
    }

    public Category(String code, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "code must be 1 to 40 lower-case letters, digits, underscores or hyphens");
        }
        this.code = code;
        this.name = requireName(name);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        return name.strip();
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = requireName(name);
    }
}
