/** Portal pages for tenancy: the organizations list, paged, sorted and counted on the server. */
package dev.meridian.admin.tenancy;
