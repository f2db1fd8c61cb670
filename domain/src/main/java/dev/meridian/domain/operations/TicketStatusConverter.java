package dev.meridian.domain.operations;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class TicketStatusConverter implements AttributeConverter<TicketStatus, String> {

    @Override
    public String convertToDatabaseColumn(TicketStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public TicketStatus convertToEntityAttribute(String code) {
        return code == null ? null : TicketStatus.fromCode(code);
    }
}
