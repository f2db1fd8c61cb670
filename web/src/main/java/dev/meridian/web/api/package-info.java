/**
 * The REST API's frame: {@link dev.meridian.web.api.ApiApplication} at {@code /api/v1} and
 * {@link dev.meridian.web.api.Authentication}, which turns a bearer key (or, to create a first key, a
 * username and password) into the request's caller.
 */
package dev.meridian.web.api;
