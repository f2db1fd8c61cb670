package dev.meridian.persistence.tenancy;

import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The signed-in user's own record. */
@Stateless
public class ProfileService {

    @Inject
    UserRepository users;

    @Inject
    ActingContext context;

    public User me() {
        return users.find(context.requireCaller().userId()).orElseThrow(() -> new ResourceNotFound("caller is gone"));
    }
}
