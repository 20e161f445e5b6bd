package dev.followthrough.casework;

import dev.followthrough.cases.IdempotencyConflict;

import dev.followthrough.cases.CaseConflict;
import dev.followthrough.cases.CaseNotFound;
import dev.followthrough.cases.InvalidInput;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every answer of the API that is not a success, in one shape (R28):
 * {@code {"status": 400, "error": "invalid input", "fields": {"caseTitle": "must be text ..."}}},
 * {@code fields} only when fields are to blame. Bad input is a 4xx naming the field; a 500 means
 * a fault of ours and says nothing about the request.
 */
@RestControllerAdvice(basePackages = "dev.followthrough")
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInput e) {
    return body(HttpStatus.BAD_REQUEST, e.error(), e.fields());
  }

  /** A body Spring could not read at all (bodies are parsed by {@link JsonRequests}): none was sent. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return body(HttpStatus.BAD_REQUEST, "the request body must be a JSON object", Map.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> notJson(HttpMediaTypeNotSupportedException e) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON, Map.of());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return body(HttpStatus.NOT_ACCEPTABLE, NOT_ACCEPTABLE, Map.of());
  }

  @ExceptionHandler(CaseNotFound.class)
  ResponseEntity<Map<String, Object>> notFound(CaseNotFound e) {
    return body(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
  }

  @ExceptionHandler(CaseConflict.class)
  ResponseEntity<Map<String, Object>> conflict(CaseConflict e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), Map.of());
  }

  @ExceptionHandler(IdempotencyConflict.class)
  ResponseEntity<Map<String, Object>> conflict(IdempotencyConflict e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), Map.of(e.field(), "was used before for a different request"));
  }

  /** Spring's own refusals (a missing header, a path variable of the wrong type, ...) keep their status. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> other(Exception e) {
    if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
      return body(refusal.getStatusCode(), String.valueOf(refusal.getBody().getDetail()), Map.of());
    }
    log.error("Request failed: {}", e.getClass().getName(), e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal error", Map.of());
  }

  static final String NOT_JSON = "the request body must be JSON: send it with Content-Type application/json (UTF-8)";
  static final String NOT_ACCEPTABLE = "the API answers in JSON: accept application/json";

  static Map<String, Object> errorBody(HttpStatusCode status, String error, Map<String, String> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", error);
    if (!fields.isEmpty()) {
      body.put("fields", fields);
    }
    return body;
  }

  /** For the refusals answered before a controller runs (content type, unknown route). */
  static void write(HttpServletResponse response, ObjectMapper json, HttpStatusCode status, String error)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), errorBody(status, error, Map.of()));
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatusCode status, String error, Map<String, String> fields) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(errorBody(status, error, fields));
  }
}
