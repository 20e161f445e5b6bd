package dev.followthrough.mail;

/**
 * A mail template could not be loaded, parsed or rendered, or its output was not a valid email
 * (no subject, a subject on several lines, a value left unrendered). The message names the
 * template, where it came from (override file or bundled), and what was wrong.
 */
public class TemplateRenderingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String templateName;

  public TemplateRenderingException(String templateName, String message) {
    super(message);
    this.templateName = templateName;
  }

  public TemplateRenderingException(String templateName, String message, Throwable cause) {
    super(message, cause);
    this.templateName = templateName;
  }

  /** The name of the (first) template that failed, e.g. {@code status-update}. */
  public String getTemplateName() {
    return templateName;
  }
}
