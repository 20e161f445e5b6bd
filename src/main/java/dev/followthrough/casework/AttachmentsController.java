package dev.followthrough.casework;

import dev.followthrough.cases.CaseAttachments;
import dev.followthrough.cases.CaseNotFound;
import dev.followthrough.cases.CaseRecords;

import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files customers sent (R29): listed with the case ({@code GET /api/cases/{caseNumber}} shows
 * them too) and downloaded one by one, always as a download (never rendered in the browser).
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/attachments")
class AttachmentsController {

  private final CaseRecords records;
  private final CaseAttachments attachments;

  AttachmentsController(CaseRecords records, CaseAttachments attachments) {
    this.records = records;
    this.attachments = attachments;
  }

  @GetMapping
  List<CaseAttachments.Attachment> list(@PathVariable String caseNumber) {
    records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    return attachments.ofCase(caseNumber);
  }

  @GetMapping("/{id}")
  ResponseEntity<?> download(@PathVariable String caseNumber, @PathVariable long id) {
    records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    return attachments.content(caseNumber, id)
        .<ResponseEntity<?>>map(file -> ResponseEntity.ok()
            .contentType(mediaType(file.contentType()))
            .contentLength(file.bytes().length)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build()
                    .toString())
            .header("X-Content-Type-Options", "nosniff")
            .body(file.bytes()))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("status", 404, "error", "Case " + caseNumber + " has no kept attachment " + id)));
  }

  private static MediaType mediaType(String contentType) {
    try {
      return MediaType.parseMediaType(contentType);
    } catch (RuntimeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }
}
