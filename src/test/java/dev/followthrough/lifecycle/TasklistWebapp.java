package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Camunda's webapp API as Tasklist calls it from the browser: a session from the Tasklist login,
 * the XSRF token the webapp hands out, and JSON to {@code /camunda/api/engine/engine/<engine>/…}.
 */
final class TasklistWebapp {

  private final String base;
  private final String engine;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

  private TasklistWebapp(int port, String engine) {
    this.base = "http://localhost:" + port;
    this.engine = engine;
  }

  /** Logged in to Tasklist as this user, as the login page does. */
  static TasklistWebapp logIn(int port, String engine, String user, String password) {
    TasklistWebapp webapp = new TasklistWebapp(port, engine);
    assertThat(webapp.send("GET", "/camunda/app/tasklist/" + engine + "/", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> login = webapp.send("POST", "/camunda/api/admin/auth/user/" + engine + "/login/tasklist",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    assertThat(login.statusCode()).as("login: " + login.body()).isEqualTo(200);
    // the login starts a new session; its first read hands out that session's XSRF token
    assertThat(webapp.send("GET", "/camunda/api/admin/auth/user/" + engine, null, null).statusCode()).isEqualTo(200);
    return webapp;
  }

  /** {@code POST …/task/{id}/submit-form}, the call behind Tasklist's "Complete" button. */
  HttpResponse<String> submitTaskForm(String taskId, String variablesJson) {
    return engineApi("POST", "/task/" + taskId + "/submit-form", "{\"variables\": " + variablesJson + "}");
  }

  /** {@code POST …/process-definition/key/{key}/submit-form}, the call behind "Start process" with a start form. */
  HttpResponse<String> submitStartForm(String processKey, String variablesJson) {
    return engineApi("POST", "/process-definition/key/" + processKey + "/submit-form", "{\"variables\": " + variablesJson + "}");
  }

  HttpResponse<String> engineApi(String method, String path, String json) {
    return send(method, "/camunda/api/engine/engine/" + engine + path, json, json == null ? null : "application/json");
  }

  private HttpResponse<String> send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
