package dev.followthrough.admin;

import dev.followthrough.lifecycle.TimerRecalculation;
import jakarta.validation.Valid;
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
 * follow-up to the date the new rules give. The reason is logged with the result.
 */
@RestController
@RequestMapping("/api/admin")
class AdminController {

  record Recalculation(@NotBlank @Size(max = 500) String reason) {}

  private final TimerRecalculation timers;

  AdminController(TimerRecalculation timers) {
    this.timers = timers;
  }

  @PostMapping("/timers/recalculate")
  Map<String, Object> recalculate(@Valid @RequestBody Recalculation request) {
    List<TimerRecalculation.Change> moved = timers.recalculateAll(request.reason());
    return Map.of("reason", request.reason(), "moved", moved.size(), "changes", moved);
  }
}
