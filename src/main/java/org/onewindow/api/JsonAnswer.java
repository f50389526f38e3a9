package org.onewindow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** HTTP answers of the REST API: a JSON body, or an RFC 9457 problem body that says what to fix. */
public final class JsonAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswer() {
    }

    public static void ok(Exchange exchange, Object body) {
        respond(exchange, 200, "application/json", body);
    }

    public static void respond(Exchange exchange, int status, String contentType, Object body) {
        // the request's headers (query parameters, the caller's principal) would otherwise be echoed as response headers
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, contentType);
        try {
            exchange.getIn().setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 200 answer that is a file to keep (a CSV export, a signed certificate): its media type, name and bytes. */
    public static void file(Exchange exchange, String contentType, String fileName, byte[] body) {
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getIn().setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        exchange.getIn().setBody(body);
    }

    /** A problem answer: status, a short title, and the detail naming what is wrong. */
    public static void problem(Exchange exchange, int status, String title, String detail) {
        respond(exchange, status, "application/problem+json", problemBody(status, title, detail));
    }

    public static Map<String, Object> problemBody(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        return problem;
    }

    /** The request's JSON body as a map; IllegalArgumentException with the reason when it is not a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> requestBody(Exchange exchange) {
        String text = exchange.getIn().getBody(String.class);
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = JSON.readValue(text, Object.class);
            if (!(parsed instanceof Map)) {
                throw new IllegalArgumentException("The request body must be a JSON object");
            }
            return (Map<String, Object>) parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body is not JSON: " + e.getOriginalMessage());
        }
    }
}
