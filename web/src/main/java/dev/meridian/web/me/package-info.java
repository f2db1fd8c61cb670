/**
 * REST resources for the caller's own things: the locations they follow, their category preferences and the
 * recommendations those preferences weigh. Each parses its input, makes one service call and maps the result
 * to a view.
 */
package dev.meridian.web.me;
