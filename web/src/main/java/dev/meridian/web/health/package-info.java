/**
 * MicroProfile Health probes for load balancers and orchestrators: live, ready (database reachable in time
 * and schema at this build's version) and started.
 */
package dev.meridian.web.health;
