package dev.followthrough.local;

import dev.followthrough.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo people for the local profile only (never in production, R27): an engineer, an advisor and
 * a manager, each with their user id as password.
 */
@Component
@Profile("local")
class LocalDemoUsers {

  private record Person(String id, String first, String last, String email, String group) {}

  private static final List<Person> PEOPLE = List.of(
      new Person("engineer", "Erin", "Engineer", "erin.engineer@support.example", Groups.ENGINEERS),
      new Person("advisor", "Avery", "Advisor", "avery.advisor@support.example", Groups.TECHNICAL_ADVISORS),
      new Person("manager", "Morgan", "Manager", "morgan.manager@support.example", Groups.MANAGERS));

  private final IdentityService identity;

  LocalDemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(10)
  void createDemoUsers() {
    for (Person person : PEOPLE) {
      if (identity.createUserQuery().userId(person.id()).count() == 0) {
        User user = identity.newUser(person.id());
        user.setFirstName(person.first());
        user.setLastName(person.last());
        user.setEmail(person.email());
        user.setPassword(person.id());
        identity.saveUser(user);
        identity.createMembership(person.id(), person.group());
      }
    }
  }
}
