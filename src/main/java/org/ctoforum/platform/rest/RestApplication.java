package org.ctoforum.platform.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The JSON API under /api. Every error leaves as an RFC 9457 problem; see {@link ProblemException}. */
@ApplicationPath("api")
@DeclareRoles({"ADMIN", "STAFF", "MEMBER", "PRESS"})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "CTO Forum Portal API",
                        version = "1",
                        description =
                                "Forums, discussions, reports and search for a K-12 technology leaders' association."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "token")})
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic"),
    @SecurityScheme(
            securitySchemeName = "token",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "A personal API token, created on the profile page")
})
public class RestApplication extends Application {}
