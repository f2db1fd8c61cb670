package dev.meridian.persistence.places;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.meridian.domain.places.Category;
import dev.meridian.domain.places.Preference;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import dev.meridian.persistence.tenancy.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** How much the caller cares for each category of place, which weighs their recommendations. */
@Stateless
public class PreferenceService {

    /** One category and its weight, as a client asks for it; checked by {@link #replace}. */
    public record Choice(String category, BigDecimal weight) {
    }

    @Inject
    PreferenceRepository preferences;

    @Inject
    UserRepository users;

    @Inject
    ActingContext context;

    public List<Preference> mine() {
        return preferences.mine();
    }

    /**
     * Replaces all the caller's preferences with these. Every choice is checked before anything is written, and
     * the first faulty one is reported by its position ({@code [2].weight}), so a refused request changes
     * nothing.
     */
    public List<Preference> replace(List<Choice> choices) {
        if (choices == null) {
            throw new InvalidInput("body", "a JSON array of {category, weight} is required");
        }
        var user = users.find(context.requireCaller().userId())
                .orElseThrow(() -> new ResourceNotFound("caller is gone"));
        var categories = preferences.categories().stream()
                .collect(Collectors.toMap(Category::getCode, Function.identity()));
        var chosen = new HashSet<String>();
        var replacements = new ArrayList<Preference>();
        for (int i = 0; i < choices.size(); i++) {
            var choice = choices.get(i);
            var at = "[" + i + "]";
            if (choice == null) {
                throw new InvalidInput(at, "each preference is an object {category, weight}");
            }
            if (choice.category() == null || choice.category().isBlank()) {
                throw new InvalidInput(at + ".category", "category is required");
            }
            var category = categories.get(choice.category());
            if (category == null) {
                throw new InvalidInput(at + ".category", "category must be one of "
                        + categories.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
            if (!chosen.add(category.getCode())) {
                throw new InvalidInput(at + ".category", "category " + category.getCode() + " is given twice");
            }
            if (choice.weight() == null) {
                throw new InvalidInput(at + ".weight", "weight is required");
            }
            try {
                replacements.add(new Preference(user, category, choice.weight()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(at + ".weight", e.getMessage());
            }
        }
        preferences.replace(user.getId(), replacements);
        replacements.sort(Comparator.comparing(preference -> preference.getCategory().getCode()));
        return replacements;
    }
}
