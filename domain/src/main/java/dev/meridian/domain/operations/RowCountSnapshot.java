package dev.meridian.domain.operations;

import java.time.Instant;
import java.util.Objects;

import dev.meridian.domain.common.IdentifiedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * How many rows one table held at one moment, taken daily for every table by a scheduled job, so growth shows
 * as a chart. Platform-level data: read and written in platform scope only. Appended, never changed.
 */
@Entity
@Table(name = "row_count_snapshot")
public class RowCountSnapshot extends IdentifiedEntity {

    @Column(name = "table_name", nullable = false, updatable = false)
    private String tableName;

    @Column(name = "row_count", nullable = false, updatable = false)
    private long rowCount;

    @Column(name = "taken_at", nullable = false, updatable = false)
    private Instant takenAt;

    protected RowCountSnapshot() {
    }

    public RowCountSnapshot(String tableName, long rowCount, Instant takenAt) {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("tableName is required");
        }
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must be >= 0");
        }
        this.tableName = tableName;
        this.rowCount = rowCount;
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
    }

    public String getTableName() {
        return tableName;
    }

    public long getRowCount() {
        return rowCount;
    }

    public Instant getTakenAt() {
        return takenAt;
    }
}
