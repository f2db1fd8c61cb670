package dev.meridian.persistence.tenancy;

import java.io.Serializable;

/** A permission that can be granted, as a form offers it. */
public record PermissionOption(String code, String description) implements Serializable {
}
