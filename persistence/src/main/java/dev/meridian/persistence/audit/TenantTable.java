package dev.meridian.persistence.audit;

/**
 * The tenant tables whose rows the API names by id, as far as a cross-tenant probe looks them up: the table,
 * and the word a "not found" answer uses for its row.
 */
public enum TenantTable {
    PLACE("place", "place"), USER("app_user", "user"), API_KEY("api_key", "key"), SUPPORT_TICKET("support_ticket",
            "ticket"), NOTIFICATION("notification", "notification");

    private final String sqlName;
    private final String noun;

    TenantTable(String sqlName, String noun) {
        this.sqlName = sqlName;
        this.noun = noun;
    }

    String sqlName() {
        return sqlName;
    }

    String noun() {
        return noun;
    }
}
