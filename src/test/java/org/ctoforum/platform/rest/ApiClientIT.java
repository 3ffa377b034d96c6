package org.ctoforum.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ctoforum.apiclient.ApiClient;
import org.ctoforum.apiclient.ApiException;
import org.ctoforum.apiclient.ApiResponse;
import org.ctoforum.apiclient.api.DiscussionsApi;
import org.ctoforum.apiclient.api.ForumsApi;
import org.ctoforum.apiclient.api.ReportsApi;
import org.ctoforum.apiclient.api.SearchApi;
import org.ctoforum.apiclient.model.CategoryView;
import org.ctoforum.apiclient.model.EditionView;
import org.ctoforum.apiclient.model.NewPost;
import org.ctoforum.apiclient.model.NewThread;
import org.ctoforum.apiclient.model.Problem;
import org.ctoforum.apiclient.model.ReportView;
import org.ctoforum.apiclient.model.Results;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Java client generated from docs/openapi.yaml by openapi-generator, used as an association's developer would:
 * nothing here is written by hand against the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiClientIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    ApiClient member;

    @BeforeEach
    void connect() {
        member = client("member@demo.local");
    }

    private ApiClient client(String email) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        String basic = Base64.getEncoder()
                .encodeToString((email + ":" + Portal.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        return client;
    }

    @Test
    void aMemberListsForumsAndRegisters() throws ApiException {
        ForumsApi forums = new ForumsApi(member);
        List<EditionView> editions = forums.listForums();
        assertFalse(editions.isEmpty());
        EditionView open = editions.stream()
                .filter(e -> Boolean.TRUE.equals(e.getRegistrationOpen()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo has an edition open for registration"));
        assertNotNull(open.getStartDate(), "dates arrive as dates");

        Object registration = forums.register(open.getId());
        assertTrue(((Map<?, ?>) registration).containsKey("status"), registration.toString());
        assertNotNull(forums.getMyRegistration(open.getId()));
    }

    @Test
    void aMemberStartsAThreadAndReplies() throws ApiException {
        DiscussionsApi discussions = new DiscussionsApi(member);
        CategoryView category = discussions.listCategories().stream()
                .filter(c -> "PUBLIC".equals(c.getVisibility()))
                .findFirst()
                .orElseThrow();
        Map<?, ?> thread = (Map<?, ?>) discussions.startThread(new NewThread()
                .title("Generated client " + UUID.randomUUID())
                .body("Started through the client generated from the contract.")
                .categoryId(category.getId())
                .chathamHouse(false));
        long threadId = ((Number) thread.get("id")).longValue();

        Map<?, ?> reply =
                (Map<?, ?>) discussions.reply(threadId, new NewPost().body("A reply through the generated client."));
        assertTrue(((Number) reply.get("id")).longValue() > 0);
        assertTrue(discussions.readThread(threadId, null, null).toString().contains("generated client"));
    }

    @Test
    void aMemberSearches() throws ApiException {
        Results results = new SearchApi(member).search("cybersecurity", null, null, null, null, null, null, null, null);
        assertTrue(results.getTotal() > 0);
        assertFalse(results.getHits().isEmpty());
        assertNotNull(results.getHits().get(0).getTitle());
    }

    @Test
    void aMemberDownloadsTheFirstKilobyteOfAReport() throws ApiException {
        ReportsApi reports = new ReportsApi(member);
        ReportView report = reports.listReports(null, null, null, null).stream()
                .filter(r -> Boolean.TRUE.equals(r.getCanDownload()) && r.getFileSize() != null)
                .filter(r -> "MEMBERS".equals(r.getAccess()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo has a members-only report with a file"));

        ApiResponse<File> first =
                reports.downloadReportFileWithHttpInfo(report.getId(), null, "bytes=0-1023", null, null, null);
        assertEquals(206, first.getStatusCode());
        assertEquals(1024, first.getData().length());
        assertTrue(first.getHeaders().get("content-range").get(0).startsWith("bytes 0-1023/"));
    }

    @Test
    void problemsArriveAsProblems() {
        ApiException missing = assertThrows(ApiException.class, () -> new ForumsApi(member).getForum(987_654_321L));
        assertEquals(404, missing.getCode());
        Problem problem = member.getObjectMapper().convertValue(readTree(missing.getResponseBody()), Problem.class);
        assertEquals(404, problem.getStatus());
        assertNotNull(problem.getType());
        assertNotNull(problem.getTitle());
    }

    private Object readTree(String body) {
        try {
            return member.getObjectMapper().readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("a problem body is JSON: " + body, e);
        }
    }
}
