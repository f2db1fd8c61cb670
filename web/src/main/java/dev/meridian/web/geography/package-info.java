/**
 * REST resources for the shared geography and the caller's organization on it: locations (typeahead, one
 * location, its children and seasons) and map aggregates. Each parses its parameters, makes one service call
 * and maps the result to a view.
 */
package dev.meridian.web.geography;
