package dev.followthrough.admin;

import dev.followthrough.casework.JsonRequests;
import dev.followthrough.lifecycle.CaseMigration;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/migrations} (process owners and admins): after a new version of the
 * lifecycle is deployed, moves the open cases to it. {@code {"dryRun": true}} answers what would
 * move and what could not, without moving anything; {@code {"dryRun": false}} moves them and answers
 * the same report. A case that cannot move is listed with where it waits and why (R31).
 */
@RestController
@RequestMapping("/api/admin/migrations")
class MigrationsController {

  record MigrationRequest(@NotNull Boolean dryRun) {}

  private final CaseMigration migration;
  private final JsonRequests requests;

  MigrationsController(CaseMigration migration, JsonRequests requests) {
    this.migration = migration;
    this.requests = requests;
  }

  @PostMapping
  CaseMigration.Report migrate(@RequestBody byte[] body) {
    return migration.toLatestVersion(requests.read(body, MigrationRequest.class).dryRun());
  }
}
