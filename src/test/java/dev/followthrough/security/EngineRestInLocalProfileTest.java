package dev.followthrough.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The local profile opens our API for trying things out, not the engine's: {@code /engine-rest}
 * asks for a process owner or admin there too, and never challenges a browser for credentials.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class EngineRestInLocalProfileTest {

  @Autowired MockMvc http;

  @Test
  void theEngineRestApi_isNotOpenedWithOurApi() throws Exception {
    http.perform(get("/api/cases")).andExpect(status().is(org.hamcrest.Matchers.not(401)));
    http.perform(post("/engine-rest/deployment/create"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist("WWW-Authenticate"));
    http.perform(get("/engine-rest/deployment").with(request -> {
      request.addHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("engineer:engineer".getBytes()));
      return request;
    })).andExpect(status().isForbidden());
  }
}
