package dev.followthrough.admin;

import dev.followthrough.casework.JsonRequests;
import dev.followthrough.lifecycle.TimerRecalculation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations for process owners and admins. {@code POST /api/admin/timers/recalculate}: after a
 * holiday or policy change (and a restart with the new configuration), move every waiting
 * follow-up to the date the new rules give. The reason (one line) is logged with the result.
 */
@RestController
@RequestMapping("/api/admin")
class AdminController {

  record Recalculation(@NotBlank @Size(max = 500) String reason) {}

  private final TimerRecalculation timers;
  private final JsonRequests requests;

  AdminController(TimerRecalculation timers, JsonRequests requests) {
    this.timers = timers;
    this.requests = requests;
  }

  @PostMapping("/timers/recalculate")
  Map<String, Object> recalculate(@RequestBody byte[] body) {
    Recalculation request = requests.read(body, Recalculation.class);
    List<TimerRecalculation.Change> moved = timers.recalculateAll(request.reason());
    return Map.of("reason", request.reason(), "moved", moved.size(), "changes", moved);
  }
}
