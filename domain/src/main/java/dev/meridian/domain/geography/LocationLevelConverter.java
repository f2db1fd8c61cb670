package dev.meridian.domain.geography;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class LocationLevelConverter implements AttributeConverter<LocationLevel, String> {

    @Override
    public String convertToDatabaseColumn(LocationLevel level) {
        return level == null ? null : level.code();
    }

    @Override
    public LocationLevel convertToEntityAttribute(String code) {
        return code == null ? null : LocationLevel.fromCode(code);
    }
}
