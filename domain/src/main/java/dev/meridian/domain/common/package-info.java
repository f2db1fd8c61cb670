/**
 * What every Meridian entity shares: {@link dev.meridian.domain.common.IdentifiedEntity} holds the opaque id
 * and equality; {@link dev.meridian.domain.common.BaseEntity} adds the optimistic lock version and the
 * timestamps for entities whose rows change.
 */
package dev.meridian.domain.common;
