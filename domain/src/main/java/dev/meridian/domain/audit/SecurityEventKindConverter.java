package dev.meridian.domain.audit;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class SecurityEventKindConverter implements AttributeConverter<SecurityEventKind, String> {

    @Override
    public String convertToDatabaseColumn(SecurityEventKind kind) {
        return kind == null ? null : kind.code();
    }

    @Override
    public SecurityEventKind convertToEntityAttribute(String code) {
        return code == null ? null : SecurityEventKind.fromCode(code);
    }
}
