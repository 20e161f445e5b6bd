package dev.followthrough.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deploys the way Camunda Modeler's Deploy button does (Camunda 7 target, HTTP Basic): one
 * multipart {@code POST /engine-rest/deployment/create} with {@code deployment-name},
 * {@code deployment-source}, {@code deploy-changed-only}, the diagram and the forms it references
 * ({@code camunda:formRef}), each file under its own name.
 */
public final class ModelerDeploy {

  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final String name;

  private ModelerDeploy(String name) {
    this.name = name;
  }

  /** A diagram as Modeler holds it, with the forms it references read from the repository's {@code forms/}. */
  public static ModelerDeploy of(String name, String fileName, String bpmnXml) {
    ModelerDeploy deploy = new ModelerDeploy(name);
    deploy.files.put(fileName, bpmnXml.getBytes(StandardCharsets.UTF_8));
    Matcher forms = FORM_REF.matcher(bpmnXml);
    while (forms.find()) {
      deploy.files.computeIfAbsent(forms.group(1) + ".form", ModelerDeploy::repositoryForm);
    }
    return deploy;
  }

  private static byte[] repositoryForm(String fileName) {
    try {
      return Files.readAllBytes(Path.of("forms", fileName));
    } catch (IOException e) {
      throw new IllegalStateException("The model references a form that is not in forms/: " + fileName, e);
    }
  }

  /** Sends it to {@code http://127.0.0.1:port/engine-rest} as {@code user} (no credentials when null). */
  public HttpResponse<String> to(int port, String user, String password) throws IOException, InterruptedException {
    String boundary = "----ModelerBoundary" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "deployment-name", name);
    field(body, boundary, "deployment-source", "Camunda Modeler");
    field(body, boundary, "deploy-changed-only", "true");
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
          + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(file.getValue());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void field(ByteArrayOutputStream body, String boundary, String field, String value) throws IOException {
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
  }
}
