package dev.meridian.persistence.context;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Makes the request's {@link ActingContext}. Produced rather than discovered as a managed bean: Payara passes
 * every new managed bean instance through its resource injection, which scans the class's annotations each
 * time, and on the API's path that was about 5% of a request's CPU. A produced instance skips it.
 */
@ApplicationScoped
class ActingContexts {

    @Inject
    PlatformScopeWitness witness;

    @Produces
    @RequestScoped
    ActingContext perRequest() {
        return new ActingContext(witness);
    }
}
