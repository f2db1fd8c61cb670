/**
 * Server-side paging for the portal's lists over native SQL:
 * {@link dev.meridian.persistence.paging.Conditions} builds a list's filters as bound parameters,
 * {@link dev.meridian.persistence.paging.Counting} counts without scanning a large table, and
 * {@link dev.meridian.persistence.paging.Columns} reads native result columns.
 */
package dev.meridian.persistence.paging;
