package dev.meridian.admin.dashboard;

import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.meridian.admin.dashboard.DailyCharts.Series;
import dev.meridian.admin.display.Feedback;
import dev.meridian.persistence.dashboard.Dashboard;
import dev.meridian.persistence.dashboard.DashboardFigures;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;

/**
 * The dashboard: the figures of the caller's reach, or of the one organization a platform admin chose, read
 * once per view and again on "refresh" or a new choice, with the daily metrics as two charts (API traffic;
 * people and reviews).
 */
@Named
@ViewScoped
public class DashboardBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DashboardBean.class.getName());

    @Inject
    DashboardFigures figures;

    private Dashboard dashboard;
    private String trafficChart;
    private String activityChart;

    /** The organization a platform admin narrowed the figures to (a slug), or null for all of them. */
    private String organization;

    @PostConstruct
    public void refresh() {
        try {
            dashboard = figures.now(organization);
        } catch (ResourceNotFound e) {
            // a slug that names nothing the caller may see: back to all of it
            organization = null;
            Feedback.show(FacesMessage.SEVERITY_ERROR, "Not found: it does not exist or is not yours to see.");
            refresh();
            return;
        } catch (EJBException | PersistenceException e) {
            // the page still opens, and says what is missing; the cause goes to the server log
            LOG.log(Level.WARNING, "dashboard figures unavailable", e);
            dashboard = null;
            Feedback.show(FacesMessage.SEVERITY_ERROR, "The database did not answer: no figures to show.");
            return;
        }
        trafficChart = DailyCharts.line(dashboard.days(),
                new Series("Requests", Dashboard.Day::requests, "#1e3a5f"),
                new Series("Errors", Dashboard.Day::errors, "#c0392b"));
        activityChart = DailyCharts.bar(dashboard.days(),
                new Series("Active users", Dashboard.Day::activeUsers, "#2e86c1"),
                new Series("New users", Dashboard.Day::newUsers, "#7fb3d5"),
                new Series("Reviews", Dashboard.Day::reviews, "#27ae60"));
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization == null || organization.isBlank() ? null : organization.strip();
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    /** The database's status, for platform admins. */
    public Dashboard.DatabaseStatus getDatabase() {
        return dashboard == null ? null : dashboard.database();
    }

    /** The latest health snapshot, for platform admins; none before the first. */
    public Dashboard.LatestHealth getHealth() {
        return dashboard == null ? null : dashboard.health();
    }

    /** The database answered the dashboard's queries. */
    public boolean isDatabaseReachable() {
        return dashboard != null;
    }

    public String getTrafficChart() {
        return trafficChart;
    }

    public String getActivityChart() {
        return activityChart;
    }

    public int getDays() {
        return DashboardFigures.DAYS;
    }

    /** Today's errors as a share of today's requests, or a dash before the first request. */
    public String getErrorRate() {
        var today = dashboard == null ? null : dashboard.today();
        return today == null || today.requests() == 0
                ? "–"
                : String.format("%.1f %%", 100.0 * today.errors() / today.requests());
    }

    /** A size in bytes the way people read it: 1.5 GiB, 300 MiB. */
    public String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        var units = "KMGTPE";
        int unit = (int) (Math.log(bytes) / Math.log(1024));
        return String.format("%.1f %siB", bytes / Math.pow(1024, unit), units.charAt(unit - 1));
    }
}
