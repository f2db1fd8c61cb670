package dev.meridian.domain.notifications;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class NotificationStatusConverter implements AttributeConverter<NotificationStatus, String> {

    @Override
    public String convertToDatabaseColumn(NotificationStatus value) {
        return value == null ? null : value.code();
    }

    @Override
    public NotificationStatus convertToEntityAttribute(String code) {
        return code == null ? null : NotificationStatus.fromCode(code);
    }
}
