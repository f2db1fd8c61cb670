package dev.meridian.persistence.operations;

import java.util.Locale;
import java.util.Optional;

import jakarta.ejb.ScheduleExpression;

/**
 * A job's schedule setting: {@code off}, or {@code "<minute> <hour>"} in the EJB calendar syntax for those
 * two fields (a value, {@code *}, a list {@code 0,30}, a range {@code 8-18}, an increment
 * {@code *}{@code /10}), every day, in UTC. {@code "*}{@code /10 *"} is every ten minutes, {@code "0 1"}
 * daily at 01:00.
 */
record JobSchedule(String setting, String value, Optional<ScheduleExpression> expression) {

    static final String OFF = "off";

    static JobSchedule parse(String setting, String value) {
        var trimmed = value.strip();
        if (trimmed.toLowerCase(Locale.ROOT).equals(OFF)) {
            return new JobSchedule(setting, trimmed, Optional.empty());
        }
        var fields = trimmed.split("\\s+");
        if (fields.length != 2 || fields[0].isEmpty()) {
            throw new IllegalArgumentException(setting + " must be 'off' or '<minute> <hour>' (EJB calendar"
                    + " syntax, UTC), e.g. '*/10 *' or '0 1'; it is '" + value + "'");
        }
        var expression = new ScheduleExpression()
                .second("0").minute(fields[0]).hour(fields[1])
                .dayOfMonth("*").month("*").dayOfWeek("*").year("*")
                .timezone("UTC");
        return new JobSchedule(setting, trimmed, Optional.of(expression));
    }
}
