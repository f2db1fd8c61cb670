package dev.meridian.domain.operations;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class HealthStatusConverter implements AttributeConverter<HealthStatus, String> {

    @Override
    public String convertToDatabaseColumn(HealthStatus status) {
        return status == null ? null : status.name();
    }

    @Override
    public HealthStatus convertToEntityAttribute(String code) {
        return code == null ? null : HealthStatus.fromCode(code);
    }
}
