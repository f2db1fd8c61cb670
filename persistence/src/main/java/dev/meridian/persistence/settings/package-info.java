/** Settings that several parts of the application read alike, through MicroProfile Config. */
package dev.meridian.persistence.settings;
