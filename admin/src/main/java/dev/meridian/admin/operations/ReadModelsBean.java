package dev.meridian.admin.operations;

import java.io.Serializable;

import dev.meridian.admin.display.Feedback;
import dev.meridian.persistence.operations.JobRunHistory;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The read-models page: whether each is populated, the last refresh, and "refresh now" through the job. */
@Named
@ViewScoped
public class ReadModelsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JobRunHistory jobs;

    private JobRunHistory.ReadModels readModels;

    @PostConstruct
    void load() {
        readModels = Feedback.attempt(jobs::readModels, null);
    }

    public void refreshNow() {
        JobsBean.report(Feedback.attempt(jobs::refreshReadModels, null));
        load();
    }

    public JobRunHistory.ReadModels getReadModels() {
        return readModels;
    }
}
