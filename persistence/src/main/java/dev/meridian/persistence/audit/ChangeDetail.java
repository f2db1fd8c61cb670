package dev.meridian.persistence.audit;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A change with its old and new row side by side, one {@link FieldChange} per column, in column-name order.
 */
public record ChangeDetail(ChangeRow change, List<FieldChange> fields) implements Serializable {

    public ChangeDetail {
        fields = List.copyOf(fields);
    }

    /** Pairs the old and new rows (JSON objects; null for an insert's old or a delete's new row) key by key. */
    static ChangeDetail of(ChangeRow change, String oldRow, String newRow) {
        var before = parse(oldRow);
        var after = parse(newRow);
        var keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        var fields = new ArrayList<FieldChange>();
        for (var key : keys) {
            var oldValue = before.get(key);
            var newValue = after.get(key);
            fields.add(new FieldChange(key, shown(oldValue), shown(newValue), !Objects.equals(oldValue, newValue)));
        }
        return new ChangeDetail(change, fields);
    }

    /** The fields whose value changed. */
    public long changedCount() {
        return fields.stream().filter(FieldChange::changed).count();
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** Strings without their quotes, other values as JSON, an absent key as nothing. */
    private static String shown(JsonValue value) {
        if (value == null) {
            return null;
        }
        return value instanceof JsonString text ? text.getString() : value.toString();
    }
}
