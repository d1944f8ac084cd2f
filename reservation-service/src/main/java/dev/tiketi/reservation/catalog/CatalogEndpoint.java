package dev.tiketi.reservation.catalog;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/catalog}: how many events and seats the copy of the catalog holds;
 * {@code POST /actuator/catalog}: rebuilds it from {@code event.events} ({@link CatalogRebuild}) and answers
 * when done. On the actuator, which the gateway does not route and which needs ADMIN: an operator's tool.
 */
@Component
@Endpoint(id = "catalog")
public class CatalogEndpoint {

    private final CatalogCopy copy;
    private final CatalogRebuild rebuild;

    CatalogEndpoint(CatalogCopy copy, CatalogRebuild rebuild) {
        this.copy = copy;
        this.rebuild = rebuild;
    }

    @ReadOperation
    public CatalogCopy.Size size() {
        return copy.size();
    }

    @WriteOperation
    public CatalogRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
