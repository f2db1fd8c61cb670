package dev.meridian.web.api;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.meridian.persistence.problems.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonString;

/**
 * The opaque position of a keyset-paged list: the sort key values of the last item a page showed, under the
 * name of the list's order, so a cursor of one order is refused by another. Clients pass it back as it is; it
 * is base64url of a JSON array of strings, which they have no reason to read.
 */
public record Cursor(String order, List<String> keys) {

    private static final String FIELD = "cursor";

    public Cursor {
        Objects.requireNonNull(order, "order");
        keys = List.copyOf(keys);
    }

    public static Cursor of(String order, String... keys) {
        return new Cursor(order, List.of(keys));
    }

    public String encode() {
        var array = Json.createArrayBuilder().add(order);
        keys.forEach(array::add);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(array.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a list gave out in this order with this many keys; anything else is invalid input. */
    public static Cursor decode(String token, String order, int keyCount) {
        try (var reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)))) {
            var values = reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .toList();
            if (values.size() == keyCount + 1 && values.get(0).equals(order)) {
                return new Cursor(order, values.subList(1, values.size()));
            }
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            // falls through to the same answer as a cursor of another list
        }
        throw invalid();
    }

    /** The key at {@code index}, parsed; a key that does not parse makes the cursor invalid. */
    public <T> T key(int index, Function<String, T> parse) {
        try {
            return parse.apply(keys.get(index));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static InvalidInput invalid() {
        return new InvalidInput(FIELD, "cursor is not one this list gave out");
    }
}
