package dev.meridian.domain.notifications;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class SubjectTypeConverter implements AttributeConverter<SubjectType, String> {

    @Override
    public String convertToDatabaseColumn(SubjectType value) {
        return value == null ? null : value.code();
    }

    @Override
    public SubjectType convertToEntityAttribute(String code) {
        return code == null ? null : SubjectType.fromCode(code);
    }
}
