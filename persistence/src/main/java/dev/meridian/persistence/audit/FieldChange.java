package dev.meridian.persistence.audit;

import java.io.Serializable;

/**
 * One column of a changed row: its value before and after (JSON text, none when absent), and whether it
 * moved.
 */
public record FieldChange(String key, String oldValue, String newValue, boolean changed) implements Serializable {
}
