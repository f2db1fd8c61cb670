package dev.meridian.domain.audit;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class ChangeOperationConverter implements AttributeConverter<ChangeOperation, String> {

    @Override
    public String convertToDatabaseColumn(ChangeOperation operation) {
        return operation == null ? null : operation.name();
    }

    @Override
    public ChangeOperation convertToEntityAttribute(String code) {
        return code == null ? null : ChangeOperation.fromCode(code);
    }
}
