package dev.meridian.domain.notifications;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class DeliveryStatusConverter implements AttributeConverter<DeliveryStatus, String> {

    @Override
    public String convertToDatabaseColumn(DeliveryStatus value) {
        return value == null ? null : value.code();
    }

    @Override
    public DeliveryStatus convertToEntityAttribute(String code) {
        return code == null ? null : DeliveryStatus.fromCode(code);
    }
}
