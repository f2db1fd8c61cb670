package dev.meridian.admin.places;

import java.io.Serializable;
import java.util.List;

import dev.meridian.persistence.places.CategoryOption;
import dev.meridian.persistence.places.ModerationFilter;

/**
 * The search and filters both moderation pages share: text, category, location and (for platform admins)
 * tenant.
 */
public class ModerationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<CategoryOption> categories;
    private String text;
    private String category;
    private String location;
    private String tenant;

    ModerationForm(List<CategoryOption> categories) {
        this.categories = List.copyOf(categories);
    }

    ModerationFilter filter() {
        return new ModerationFilter(text, category, location, tenant);
    }

    public void clear() {
        text = category = location = tenant = null;
    }

    public List<CategoryOption> getCategories() {
        return categories;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }
}
