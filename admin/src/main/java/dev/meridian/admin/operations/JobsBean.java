package dev.meridian.admin.operations;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import org.primefaces.model.LazyDataModel;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.display.ServerPagedModel;
import dev.meridian.domain.operations.JobOutcome;
import dev.meridian.domain.operations.JobRun;
import dev.meridian.persistence.operations.JobRunHistory;
import dev.meridian.persistence.operations.JobRunRow;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The jobs page: every recorded run, filtered by job and outcome, and "run now" for each job. */
@Named
@ViewScoped
public class JobsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JobRunHistory history;

    private String job;
    private String outcome;
    private LazyDataModel<JobRunRow> runs;

    @PostConstruct
    void init() {
        runs = new ServerPagedModel<>((first, size, sortBy, ascending) -> history.page(job, outcome, first, size,
                sortBy, ascending), () -> history.count(job, outcome), JobRunRow::id, "startedAt", false);
    }

    public void runNow(String name) {
        report(Feedback.attempt(() -> history.runNow(name), null));
    }

    /** Tells how a run the admin started went; null: a problem was shown already. */
    static void report(Optional<JobRun> run) {
        if (run == null) {
            return;
        }
        if (run.isEmpty()) {
            Feedback.show(FacesMessage.SEVERITY_WARN, "The job is running elsewhere right now; nothing was started.");
        } else if (run.get().getOutcome() == JobOutcome.SUCCEEDED) {
            Feedback.show(FacesMessage.SEVERITY_INFO, run.get().getJob() + " succeeded: "
                    + run.get().getRowsAffected().orElse(0) + " rows");
        } else {
            Feedback.show(FacesMessage.SEVERITY_ERROR, run.get().getJob() + " failed: "
                    + run.get().getDetail().orElse(""));
        }
    }

    public List<String> getJobs() {
        return history.jobs();
    }

    public List<String> getOutcomes() {
        return history.outcomes();
    }

    public LazyDataModel<JobRunRow> getRuns() {
        return runs;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
