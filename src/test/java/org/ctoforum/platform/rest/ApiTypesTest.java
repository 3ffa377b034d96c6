package org.ctoforum.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class ApiTypesTest {

    enum Colour {
        RED,
        GREEN
    }

    record Sample(long id, int count, LocalDate day, Instant at, OffsetDateTime when, List<Long> ids, Colour colour) {}

    @Path("samples")
    static class SampleResource {
        @GET
        @Path("{id}")
        @Operation(operationId = "getSample")
        public Sample get(@PathParam("id") long id) {
            return null;
        }
    }

    @Path("others")
    static class OtherResource {
        record Sample(String name) {}

        @GET
        @Operation(operationId = "getOther")
        public Sample get() {
            return null;
        }
    }

    private static ApiTypes.JsonType member(String name) {
        return ApiTypes.memberType(Sample.class, name)
                .flatMap(ApiTypes::schemaOf)
                .orElseThrow();
    }

    @Test
    void wholeNumbersCarryTheirWidthAndDatesTheirFormat() {
        assertEquals(SchemaType.INTEGER, member("id").type());
        assertEquals("int64", member("id").format());
        assertEquals("int32", member("count").format());
        assertEquals("date", member("day").format());
        assertEquals("date-time", member("at").format());
        assertEquals("date-time", member("when").format());
        assertEquals("int64", member("ids").items().format());
        assertEquals(List.of("RED", "GREEN"), member("colour").constants());
    }

    @Test
    void operationsAreFoundByTheirIdAndParametersByName() {
        ApiTypes types = ApiTypes.of(SampleResource.class);
        var method = types.method("getSample").orElseThrow();
        assertEquals(
                "int64",
                ApiTypes.parameterType(method, "path", "id")
                        .flatMap(ApiTypes::schemaOf)
                        .orElseThrow()
                        .format());
        assertEquals(Sample.class, types.body("Sample").orElseThrow());
    }

    @Test
    void twoClassesOfOneNameAreReportedInsteadOfGuessed() {
        ApiTypes types = ApiTypes.of(SampleResource.class, OtherResource.class);
        assertTrue(types.body("Sample").isEmpty());
        assertEquals(1, types.sharedNames().size());
        assertTrue(types.sharedNames().get(0).startsWith("Sample "));
    }
}
