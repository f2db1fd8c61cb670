package dev.meridian.persistence.context;

import java.util.Optional;
import java.util.function.Supplier;

import dev.meridian.persistence.problems.AccessDenied;

/**
 * Who acts in the current request. Authentication sets the caller, which puts the request in the caller's
 * tenant; platform admins widen to platform scope only around the work that needs it. One per request, from
 * {@link ActingContexts}.
 */
public class ActingContext {

    private final PlatformScopeWitness witness;
    private Caller caller;
    private Acting acting = Acting.NOBODY;

    ActingContext(PlatformScopeWitness witness) {
        this.witness = witness;
    }

    /** For CDI's client proxy only, which hands every call to the request's own instance. */
    protected ActingContext() {
        this(null);
    }

    public void authenticated(Caller caller) {
        this.caller = caller;
        this.acting = Acting.inTenant(caller.organizationId(), caller.userId());
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    public Caller requireCaller() {
        return caller().orElseThrow(() -> new AccessDenied("not signed in"));
    }

    public Acting acting() {
        return acting;
    }

    /**
     * Runs work across tenants; only a platform admin may, the {@link PlatformScopeWitness} hears of it, and the
     * scope ends with the work.
     */
    public <T> T onPlatform(Supplier<T> work) {
        var admin = requireCaller();
        if (!admin.platformAdmin()) {
            throw new AccessDenied("platform scope is for platform admins");
        }
        witness.used(admin, operation());
        return within(Acting.onPlatform(admin.organizationId(), admin.userId()), work);
    }

    /** Runs work with all the caller may reach: every tenant for a platform admin, their own tenant otherwise. */
    public <T> T withCallersReach(Supplier<T> work) {
        return requireCaller().platformAdmin() ? onPlatform(work) : work.get();
    }

    /**
     * Runs work as the system itself, across tenants, with no user: for start-up and scheduled work that no
     * request carries.
     */
    public <T> T asSystem(Supplier<T> work) {
        return within(new Acting(null, null, Scope.PLATFORM), work);
    }

    /** The method that asked for platform scope, as {@code Class.method}: the first frame outside this class. */
    private static String operation() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !frame.getClassName().startsWith(ActingContext.class.getName()))
                .findFirst()
                .map(frame -> simpleName(frame.getClassName()) + '.' + enclosingMethod(frame.getMethodName()))
                .orElse("unknown"));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** A lambda's method is named lambda$method$n after the method that holds it. */
    private static String enclosingMethod(String methodName) {
        var parts = methodName.split("\\$");
        return parts.length > 1 && parts[0].equals("lambda") ? parts[1] : methodName;
    }

    private <T> T within(Acting scoped, Supplier<T> work) {
        var previous = acting;
        acting = scoped;
        try {
            return work.get();
        } finally {
            acting = previous;
        }
    }
}
