package dev.followthrough.inbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A local OAuth2 provider for the tests, over real HTTP: a token endpoint that issues access tokens
 * for a refresh token (and counts what it was asked), and the introspection endpoint (RFC 7662)
 * dovecot asks whether a token is valid, for IMAP and SMTP. A token is valid until the provider is
 * told it expired.
 */
public final class OAuth2Server implements AutoCloseable {

  public static final String REFRESH_TOKEN = "refresh-token-of-the-support-mailbox";
  public static final int LIFETIME_SECONDS = 3600;

  private final HttpServer server;
  private final AtomicInteger issued = new AtomicInteger();
  private final Set<String> valid = ConcurrentHashMap.newKeySet();
  private final List<Map<String, String>> tokenRequests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> introspected = Collections.synchronizedList(new ArrayList<>());

  private OAuth2Server(HttpServer server) {
    this.server = server;
  }

  public static OAuth2Server start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    OAuth2Server provider = new OAuth2Server(http);
    http.createContext("/token", provider::token);
    http.createContext("/introspect", provider::introspect);
    http.start();
    return provider;
  }

  public String tokenUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  public String introspectionUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/introspect";
  }

  public int tokensIssued() {
    return issued.get();
  }

  public List<Map<String, String>> tokenRequests() {
    return List.copyOf(tokenRequests);
  }

  public List<String> introspected() {
    return List.copyOf(introspected);
  }

  /** Every token issued so far is no longer accepted. */
  public void expireAll() {
    valid.clear();
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(exchange);
    tokenRequests.add(form);
    if (!"refresh_token".equals(form.get("grant_type")) || !REFRESH_TOKEN.equals(form.get("refresh_token"))) {
      answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    String token = "access-token-" + issued.incrementAndGet();
    valid.add(token);
    answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + LIFETIME_SECONDS + "}");
  }

  private void introspect(HttpExchange exchange) throws IOException {
    String token = form(exchange).get("token");
    introspected.add(token);
    answer(exchange, 200, valid.contains(token)
        ? "{\"active\":true,\"username\":\"" + Dovecot.USER + "\"}" : "{\"active\":false}");
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    return Arrays.stream(body.split("&")).filter(pair -> pair.contains("="))
        .collect(Collectors.toMap(pair -> URLDecoder.decode(pair.substring(0, pair.indexOf('=')), StandardCharsets.UTF_8),
            pair -> URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8), (a, b) -> a));
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
