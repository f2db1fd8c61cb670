package dev.meridian.persistence.operations;

import java.util.List;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.meridian.persistence.notifications.DispatchNotifications;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Fires every job on its configured schedule ({@link JobSchedule}; {@code MERIDIAN_JOB_<NAME>_SCHEDULE}).
 * Timers are non-persistent, created at each start: persistent timers belong to one deployment group on
 * Payara Server and are not coordinated at all on Payara Micro. Every instance fires, and the job's lease
 * lets only one of them run it.
 */
@Startup
@Singleton
@DependsOn("ApplicationStartup")
// a long job must not hold back the next timer: the runner keeps no state here
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// each job runs in transactions of its own
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    /** A job, the setting that schedules it, and the schedule when the setting is absent. */
    record Planned(String job, String setting, String fallback) {
    }

    static final List<Planned> PLANNED = List.of(
            new Planned(RefreshReadModels.NAME, "MERIDIAN_JOB_REFRESH_READ_MODELS_SCHEDULE", "*/10 *"),
            new Planned(MaintainPartitions.NAME, "MERIDIAN_JOB_MAINTAIN_PARTITIONS_SCHEDULE", "0 1"),
            new Planned(SnapshotRowCounts.NAME, "MERIDIAN_JOB_SNAPSHOT_ROW_COUNTS_SCHEDULE", "0 2"),
            new Planned(RollUpUsage.NAME, "MERIDIAN_JOB_ROLL_UP_USAGE_SCHEDULE", "15 0"),
            new Planned(SnapshotHealth.NAME, "MERIDIAN_JOB_SNAPSHOT_HEALTH_SCHEDULE", "* *"),
            new Planned(TakeBackup.NAME, "MERIDIAN_JOB_BACKUP_SCHEDULE", "30 3"),
            new Planned(DispatchNotifications.NAME, "MERIDIAN_JOB_DISPATCH_NOTIFICATIONS_SCHEDULE", "* *"));

    @Resource
    TimerService timers;

    @Inject
    JobRunner runner;

    @PostConstruct
    void schedule() {
        var config = ConfigProvider.getConfig(JobScheduler.class.getClassLoader());
        for (var planned : PLANNED) {
            var schedule = JobSchedule.parse(planned.setting(),
                    config.getOptionalValue(planned.setting(), String.class).orElse(planned.fallback()));
            if (schedule.expression().isPresent()) {
                timers.createCalendarTimer(schedule.expression().get(), new TimerConfig(planned.job(), false));
                LOG.info("MERIDIAN-JOB " + planned.job() + " scheduled at '" + schedule.value()
                        + "' (minute hour, UTC)");
            } else {
                LOG.info("MERIDIAN-JOB " + planned.job() + " is off (" + planned.setting() + ")");
            }
        }
    }

    @Timeout
    void fire(Timer timer) {
        runner.run((String) timer.getInfo());
    }
}
