package dev.meridian.admin.tenancy;

import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.persistence.tenancy.OrganizationService;

/**
 * Loads one page of organizations at a time from PostgreSQL, sorted there; the table never holds them all.
 */
class OrganizationLazyModel extends LazyDataModel<Organization> {

    private static final long serialVersionUID = 1L;

    private final OrganizationService organizations;

    OrganizationLazyModel(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(organizations.count());
    }

    @Override
    public List<Organization> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        var sort = sortBy.values().stream().findFirst();
        return organizations.page(first, pageSize, sort.map(SortMeta::getField).orElse("slug"),
                sort.map(meta -> meta.getOrder() != SortOrder.DESCENDING).orElse(true));
    }

    @Override
    public String getRowKey(Organization organization) {
        return organization.getId().toString();
    }
}
