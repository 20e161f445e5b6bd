package dev.followthrough.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/**} takes HTTP Basic credentials of a Camunda user in one of our groups (the same
 * users as Tasklist). The Camunda webapps keep their own login, sessions and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final List<String> API_GROUPS = List.of(Groups.ENGINEERS, Groups.TECHNICAL_ADVISORS, Groups.MANAGERS,
      Groups.PROCESS_OWNERS, "camunda-admin");

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, SecurityProperties properties) throws Exception {
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(Customizer.withDefaults());
    if (properties.apiOpen()) {
      http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    } else {
      http.authorizeHttpRequests(requests -> requests
          .requestMatchers("/api/admin/**").hasAnyAuthority("GROUP_camunda-admin", "GROUP_" + Groups.PROCESS_OWNERS)
          .anyRequest().hasAnyAuthority(API_GROUPS.stream().map(group -> "GROUP_" + group).toArray(String[]::new)));
    }
    return http.build();
  }

  /** Everything else is Camunda's webapps and static pages, which authenticate on their own. */
  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  @Bean
  AuthenticationProvider camundaUsers(IdentityService identity) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (!identity.checkPassword(user, password)) {
          throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId).map(id -> new SimpleGrantedAuthority("GROUP_" + id)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
      }
    };
  }
}
