package dev.meridian.domain.operations;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class JobOutcomeConverter implements AttributeConverter<JobOutcome, String> {

    @Override
    public String convertToDatabaseColumn(JobOutcome outcome) {
        return outcome == null ? null : outcome.code();
    }

    @Override
    public JobOutcome convertToEntityAttribute(String code) {
        return code == null ? null : JobOutcome.fromCode(code);
    }
}
