package dev.meridian.admin.display;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A lazy table's rows, one page at a time from a service that sorts, filters and counts in PostgreSQL. The
 * filters are the page's own fields, which the service's lambdas read at each load; a column's {@code field}
 * is the sort key the service accepts.
 */
public class ServerPagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** One page of rows, sorted. */
    public interface Pages<T> extends Serializable {
        List<T> load(int first, int size, String sortBy, boolean ascending);
    }

    /** How many rows there are (exact or estimated). */
    public interface Count extends Serializable {
        long count();
    }

    /** A row's key: its id as text. */
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Pages<T> pages;
    private final Count count;
    private final Key<T> key;
    private final String defaultSort;
    private final boolean defaultAscending;

    public ServerPagedModel(Pages<T> pages, Count count, Key<T> key, String defaultSort, boolean defaultAscending) {
        this.pages = pages;
        this.count = count;
        this.key = key;
        this.defaultSort = defaultSort;
        this.defaultAscending = defaultAscending;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(count.count(), Integer.MAX_VALUE);
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        var sort = sortBy.values().stream().filter(meta -> meta.getOrder() != SortOrder.UNSORTED).findFirst();
        return pages.load(first, pageSize, sort.map(SortMeta::getField).orElse(defaultSort),
                sort.map(meta -> meta.getOrder() == SortOrder.ASCENDING).orElse(defaultAscending));
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    @Override
    public T getRowData(String rowKey) {
        var rows = getWrappedData();
        return rows == null
                ? null
                : rows.stream().filter(row -> Objects.equals(getRowKey(row), rowKey))
                        .findFirst().orElse(null);
    }
}
