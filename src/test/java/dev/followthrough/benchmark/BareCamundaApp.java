package dev.followthrough.benchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The bare reference for start-up (P4): the same jars as Followthrough (Spring Boot, the Camunda
 * engine, webapp and REST starters, the same database driver), none of our beans, models or
 * migrations. {@code spring.config.name} is set by {@link LifecycleBenchmark} so that our
 * {@code application.yaml} is not read.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BareCamundaApp {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApp.class, args);
  }
}
