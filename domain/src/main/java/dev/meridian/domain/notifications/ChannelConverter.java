package dev.meridian.domain.notifications;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class ChannelConverter implements AttributeConverter<Channel, String> {

    @Override
    public String convertToDatabaseColumn(Channel value) {
        return value == null ? null : value.code();
    }

    @Override
    public Channel convertToEntityAttribute(String code) {
        return code == null ? null : Channel.fromCode(code);
    }
}
