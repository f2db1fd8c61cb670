package dev.meridian.admin.display;

import java.util.function.Supplier;

import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.problems.Conflict;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * Answers a portal action with a message: what was done, or why not. The services' problems (not found, not
 * allowed, invalid, conflicting) become error messages in words; anything else still fails the request.
 */
public final class Feedback {

    private Feedback() {
    }

    /** Runs the action; on success shows {@code done}, on a known problem its message. */
    public static boolean attempt(Runnable action, String done) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }, done) != null;
    }

    /** Runs the action and answers its result; on a known problem shows its message and answers null. */
    public static <T> T attempt(Supplier<T> action, String done) {
        try {
            var result = action.get();
            if (done != null) {
                show(FacesMessage.SEVERITY_INFO, done);
            }
            return result;
        } catch (ResourceNotFound e) {
            show(FacesMessage.SEVERITY_ERROR, "Not found: it does not exist or is not yours to see.");
        } catch (AccessDenied | InvalidInput | Conflict e) {
            show(FacesMessage.SEVERITY_ERROR, e.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof IllegalArgumentException cause) {
                show(FacesMessage.SEVERITY_ERROR, cause.getMessage());
            } else {
                throw e;
            }
        }
        return null;
    }

    /**
     * As {@link #attempt(Supplier, String)}, for a dialog's form: on a known problem the request also counts as
     * failed validation, so the dialog stays open on the refused values.
     */
    public static <T> T attemptInDialog(Supplier<T> action, String done) {
        var result = attempt(action, done);
        if (result == null) {
            FacesContext.getCurrentInstance().validationFailed();
        }
        return result;
    }

    public static void show(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
