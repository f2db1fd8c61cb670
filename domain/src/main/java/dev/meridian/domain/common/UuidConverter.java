package dev.meridian.domain.common;

import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Reads a nullable {@code uuid} column as null. The EclipseLink that Payara 6 bundles (4.0.7) converts UUID
 * attributes with a built-in converter that throws a NullPointerException on a SQL NULL
 * (eclipse-ee4j/eclipselink#2768, fixed after 4.0.7); an applied attribute converter takes its place. Values
 * pass through unchanged: the driver reads and binds {@code java.util.UUID} natively.
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(UUID value) {
        return value;
    }
}
