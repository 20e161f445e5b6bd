package dev.followthrough.security;

import dev.followthrough.cases.CaseRecords;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code /api/**} takes HTTP Basic credentials of a Camunda user in one of our groups (the same
 * users as Tasklist), and each case only for the people {@link CaseAccess} names. The Camunda
 * webapps keep their own login, sessions and CSRF protection; their first-admin setup is closed
 * here as well as by Camunda (an admin always exists, {@link ProductionSettings}).
 *
 * <p>The engine's REST API ({@code /engine-rest}) is there for Camunda Modeler's Deploy button: HTTP
 * Basic against the same Camunda users, for process owners and admins only, whatever the profile.
 * Camunda's {@link ProcessEngineAuthenticationFilter} then hands the user and their groups to the
 * engine ({@link ContainerBasedAuthenticationProvider}: the user Spring Security authenticated), so
 * every call is checked against the engine's authorizations ({@code GroupSetup}: process owners may
 * create deployments and migrate the lifecycle, not manage users). It is stateless and takes only
 * an {@code Authorization} header; a 401 carries no {@code WWW-Authenticate} challenge, so a browser
 * never remembers the credentials and another site cannot borrow them: no CSRF token is needed there.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The process owners' holidays page: behind the API's login (HTTP Basic), as its API is. */
  static final String HOLIDAYS_PAGE = "/holidays.html";
  /** Where Camunda's REST starter mounts the engine's REST API (its Jersey application path). */
  static final String ENGINE_REST = "/engine-rest";

  static final List<String> API_GROUPS = List.of(Groups.ENGINEERS, Groups.TECHNICAL_ADVISORS, Groups.MANAGERS,
      Groups.PROCESS_OWNERS, CaseAccess.ADMINS);

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, CaseRecords records) throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher(HOLIDAYS_PAGE),
            path.matcher("/actuator/**")))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(Customizer.withDefaults());
    if (properties.apiOpen()) {
      http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    } else {
      http.authorizeHttpRequests(requests -> requests
          .requestMatchers(path.matcher("/api/admin/**")).hasAnyAuthority(group(CaseAccess.ADMINS), group(Groups.PROCESS_OWNERS))
          // metrics (issue 10): the figures and Prometheus' scrape are for managers and process owners
          .requestMatchers(path.matcher("/actuator/health")).permitAll()
          .requestMatchers(path.matcher("/api/metrics"), path.matcher("/api/metrics/**"), path.matcher("/actuator/**"))
              .access(new CockpitSessionAccess(java.util.Set.of(CaseAccess.ADMINS, Groups.MANAGERS, Groups.PROCESS_OWNERS)))
          .requestMatchers(path.matcher(HttpMethod.POST, "/api/cases")).hasAnyAuthority(group(CaseAccess.ADMINS), group(Groups.ENGINEERS))
          // holidays (issue 11): anyone of ours reads a country's regions; the days off, their
          // corrections and the page behind them are for process owners and admins
          .requestMatchers(path.matcher(HttpMethod.GET, "/api/holidays/{country}/regions"))
              .hasAnyAuthority(API_GROUPS.stream().map(SecurityConfiguration::group).toArray(String[]::new))
          .requestMatchers(path.matcher("/api/holidays/**"), path.matcher(HOLIDAYS_PAGE))
              .hasAnyAuthority(group(CaseAccess.ADMINS), group(Groups.PROCESS_OWNERS))
          .requestMatchers(path.matcher("/api/cases/{caseNumber}/**")).access(new CaseAccess(records))
          .anyRequest().hasAnyAuthority(API_GROUPS.stream().map(SecurityConfiguration::group).toArray(String[]::new)));
    }
    return http.build();
  }

  /** Camunda Modeler's deployments: process owners and admins, by HTTP Basic, in every profile. */
  @Bean
  @Order(0)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(ENGINE_REST + "/**"))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        // answered here, not forwarded to the error page: that would read Modeler's multipart body again
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
            .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpStatus.FORBIDDEN.value())))
        .authorizeHttpRequests(requests -> requests
            .anyRequest().hasAnyAuthority(group(Groups.PROCESS_OWNERS), group(CaseAccess.ADMINS)))
        .build();
  }

  /**
   * Runs after Spring Security: the engine acts as the authenticated user, with their groups and
   * tenants, for the length of each {@code /engine-rest} request.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ENGINE_REST + "/*");
    return registration;
  }

  /**
   * The customer survey (R10): no login. The signed, single-use token in the link is the
   * credential, so there is no session and no CSRF token to carry.
   */
  @Bean
  @Order(2)
  SecurityFilterChain survey(HttpSecurity http) throws Exception {
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/survey/**"))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }

  /**
   * Everything else is Camunda's webapps and static pages, which authenticate on their own; the
   * first-admin setup is refused whatever Camunda would say.
   */
  @Bean
  @Order(3)
  SecurityFilterChain webapps(HttpSecurity http,
                              @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(webappPath + "/api/admin/setup/**")).denyAll()
            .anyRequest().permitAll())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  private static String group(String id) {
    return "GROUP_" + id;
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
