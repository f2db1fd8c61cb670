/**
 * What every Meridian entity shares: {@link dev.meridian.domain.common.BaseEntity} holds the opaque id, the
 * optimistic lock version and the timestamps.
 */
package dev.meridian.domain.common;
