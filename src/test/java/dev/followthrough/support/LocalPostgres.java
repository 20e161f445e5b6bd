package dev.followthrough.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local PostgreSQL server (127.0.0.1:5432, user postgres, trust auth). Tests that need it are
 * skipped with a clear message when it is not reachable, unless FOLLOWTHROUGH_REQUIRE_POSTGRES=true
 * (CI sets it), in which case they fail.
 */
public final class LocalPostgres implements ExecutionCondition {

  public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  public static final String USER = "postgres";

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
  @ExtendWith(LocalPostgres.class)
  public @interface Required {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
      return ConditionEvaluationResult.enabled("PostgreSQL is reachable on 127.0.0.1:5432");
    } catch (SQLException e) {
      String message = "No PostgreSQL on 127.0.0.1:5432 (user postgres): " + e.getMessage();
      if (Boolean.parseBoolean(System.getenv("FOLLOWTHROUGH_REQUIRE_POSTGRES"))) {
        throw new IllegalStateException(message + " — and FOLLOWTHROUGH_REQUIRE_POSTGRES=true makes these tests mandatory");
      }
      return ConditionEvaluationResult.disabled(message + " — skipped; set FOLLOWTHROUGH_REQUIRE_POSTGRES=true to fail instead");
    }
  }

  /** A new, empty database; returns its JDBC URL. */
  public static String freshDatabase(String name) {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
         Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
      return SERVER + name;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
  }
}
