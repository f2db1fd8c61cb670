package dev.meridian.admin.tenancy;

import java.io.Serializable;

import org.primefaces.model.LazyDataModel;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.persistence.tenancy.OrganizationService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The organizations page: every tenant for a platform admin, one's own organization otherwise. */
@Named
@ViewScoped
public class OrganizationsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganizationService organizations;

    private LazyDataModel<Organization> model;

    @PostConstruct
    void init() {
        model = new OrganizationLazyModel(organizations);
    }

    public LazyDataModel<Organization> getModel() {
        return model;
    }
}
