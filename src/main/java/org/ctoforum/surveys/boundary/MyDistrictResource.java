package org.ctoforum.surveys.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's district, for the survey. */
@Path("me/district")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys")
public class MyDistrictResource {

    @Inject
    Districts districts;

    @GET
    @Operation(operationId = "getMyDistrict", summary = "Your district and whether staff confirmed it")
    @OpenTo(OpenTo.SIGNED_IN)
    public Districts.MyDistrict get() {
        return districts.mine();
    }

    @PUT
    @Operation(
            operationId = "setMyDistrict",
            summary = "Name your district: {name, state, enrollment, locale, region}; staff confirm it")
    @OpenTo(Role.Names.MEMBER)
    public Districts.MyDistrict set(Districts.DistrictForm form) {
        return districts.setMine(form);
    }
}
