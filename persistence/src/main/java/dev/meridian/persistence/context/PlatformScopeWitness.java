package dev.meridian.persistence.context;

/** Told of every use of platform scope, before the work runs: the audit of cross-tenant access. */
public interface PlatformScopeWitness {

    /** A platform admin widens to every tenant for an operation, named as {@code Class.method}. */
    void used(Caller admin, String operation);
}
