package dev.meridian.web.problems;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the errors every operation may answer, once for all of them (named in {@code mp.openapi.filter}):
 * the {@code Problem} schema, one shared response per status, and a reference to each in every operation that
 * does not describe that status itself. Bodies can be too large or of the wrong media type only where an
 * operation takes one.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM = "Problem";

    /** Status → (shared response name, description), for every operation. */
    private static final Map<String, String[]> EVERY_OPERATION = ordered(
            "400", "BadRequest", "Invalid input: malformed JSON, a wrong type, or invalid fields (`errors[]`)",
            "401", "Unauthorized", "No or invalid credentials (`Authorization: Bearer <API key>`)",
            "403", "Forbidden", "The caller is known but not allowed",
            "404", "NotFound", "No such resource, or another organization's",
            "406", "NotAcceptable", "The `Accept` header allows no media type this operation produces",
            "429", "TooManyRequests", "The plan's requests per minute or per month are used up; see `Retry-After`",
            "500", "InternalServerError", "An unexpected error; the detail says nothing of its cause");

    /** Status → (shared response name, description), for operations that take a body. */
    private static final Map<String, String[]> WITH_BODY = ordered(
            "409", "Conflict", "Conflicts with an existing resource",
            "413", "PayloadTooLarge", "The body is larger than `MERIDIAN_MAX_BODY_BYTES` (1 MiB by default)",
            "415", "UnsupportedMediaType", "The body's `Content-Type` is not one this operation consumes");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        var components = openAPI.getComponents();
        components.addSchema("FieldError", OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("One rejected field and why")
                .addProperty("field", string("The field's name in the request"))
                .addProperty("message", string("What is wrong with it")));
        components.addSchema(PROBLEM, OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail (application/problem+json)")
                .addProperty("type", string("A URI naming the problem type; about:blank for plain HTTP statuses"))
                .addProperty("title", string("The status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().type(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("What went wrong, for people"))
                .addProperty("errors", OASFactory.createSchema().type(SchemaType.ARRAY)
                        .description("Field-level failures of a validation problem; absent otherwise")
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))));
        var shared = new LinkedHashMap<>(EVERY_OPERATION);
        shared.putAll(WITH_BODY);
        shared.forEach((status, response) -> components.addResponse(response[0], problem(status, response[1])));

        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                refer(operation, EVERY_OPERATION);
                if (operation.getRequestBody() != null) {
                    refer(operation, WITH_BODY);
                }
            }
        }
    }

    private static void refer(Operation operation, Map<String, String[]> statuses) {
        var responses = operation.getResponses();
        statuses.forEach((status, response) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status,
                        OASFactory.createAPIResponse().ref("#/components/responses/" + response[0]));
            }
        });
    }

    private static APIResponse problem(String status, String description) {
        var response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))));
        if (status.equals("429")) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds until the limit's window (minute or month) ends")
                    .schema(OASFactory.createSchema().type(SchemaType.INTEGER)));
        }
        return response;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(SchemaType.STRING).description(description);
    }

    private static Map<String, String[]> ordered(String... triples) {
        var map = new LinkedHashMap<String, String[]>();
        for (int i = 0; i < triples.length; i += 3) {
            map.put(triples[i], new String[]{triples[i + 1], triples[i + 2]});
        }
        return map;
    }
}
