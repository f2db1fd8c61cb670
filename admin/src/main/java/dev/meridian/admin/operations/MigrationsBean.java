package dev.meridian.admin.operations;

import java.io.Serializable;
import java.util.List;

import dev.meridian.admin.display.Feedback;
import dev.meridian.persistence.operations.MigrationStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The migrations page: every migration this build carries, applied or pending, read once per view. */
@Named
@ViewScoped
public class MigrationsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MigrationStatus status;

    private List<MigrationStatus.Migration> migrations;

    @PostConstruct
    void init() {
        migrations = Feedback.attempt(status::migrations, null);
    }

    public List<MigrationStatus.Migration> getMigrations() {
        return migrations == null ? List.of() : migrations;
    }

    public long getPending() {
        return getMigrations().stream().filter(MigrationStatus.Migration::isPending).count();
    }
}
