package dev.followthrough.casework;

import dev.followthrough.cases.CaseConflict;
import dev.followthrough.cases.CaseNotFound;
import dev.followthrough.cases.InvalidInput;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input answers with what was wrong and which field (R28). */
@RestControllerAdvice(basePackages = "dev.followthrough")
class ApiErrors {

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInput e) {
    return body(HttpStatus.BAD_REQUEST, "invalid input", e.fields());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    Map<String, String> fields = e.getBindingResult().getFieldErrors().stream()
        .collect(Collectors.toMap(error -> error.getField(), error -> String.valueOf(error.getDefaultMessage()),
            (a, b) -> a, LinkedHashMap::new));
    return body(HttpStatus.BAD_REQUEST, "invalid input", fields);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof MismatchedInputException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(reference -> reference.getFieldName() == null ? "[" + reference.getIndex() + "]" : reference.getFieldName())
          .collect(Collectors.joining("."));
      return body(HttpStatus.BAD_REQUEST, "invalid input", Map.of(field, "has a value of the wrong type or an unknown choice"));
    }
    return body(HttpStatus.BAD_REQUEST, "the request body is not valid JSON", Map.of());
  }

  @ExceptionHandler(CaseNotFound.class)
  ResponseEntity<Map<String, Object>> notFound(CaseNotFound e) {
    return body(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
  }

  @ExceptionHandler(CaseConflict.class)
  ResponseEntity<Map<String, Object>> conflict(CaseConflict e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), Map.of());
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, Map<String, String> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", error);
    if (!fields.isEmpty()) {
      body.put("fields", fields);
    }
    return ResponseEntity.status(status).body(body);
  }
}
