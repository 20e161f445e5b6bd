package dev.followthrough.casework;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Strict JSON for our API ({@code /api/**}), before any controller runs:
 * <ul>
 *   <li>Spring MVC's Jackson reads strictly: a repeated key, anything after the body's value, a
 *       scalar of another type (no number or boolean read as text, no text read as a number, flag
 *       or choice), {@code null} for a primitive, an unknown property: all refused. The Camunda
 *       webapps (Tasklist, Cockpit, their REST API) use their own mapper and are not affected.</li>
 *   <li>A body is JSON or it is refused with 415: {@code Content-Type} must be
 *       {@code application/json} (or {@code application/*+json}), UTF-8 when a charset is given;
 *       {@code *}{@code /*}, {@code text/plain} or none is not JSON.</li>
 *   <li>A client that accepts no JSON gets 406 before anything is done.</li>
 *   <li>An unknown route answers 404, a wrong method 405, as JSON in the API's error shape.</li>
 * </ul>
 * Field-by-field binding, so that every bad field is named at once, is {@link JsonRequests}'.
 */
@Configuration(proxyBeanMethods = false)
class StrictApiConfiguration implements WebMvcConfigurer {

  private final ObjectMapper json;

  StrictApiConfiguration(ObjectMapper json) {
    this.json = json;
  }

  @Bean
  static Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder -> builder
        .featuresToEnable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(),
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT,
            MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .postConfigurer(StrictApiConfiguration::noScalarCoercion);
  }

  private static void noScalarCoercion(ObjectMapper mapper) {
    mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Enum,
        LogicalType.DateTime)) {
      mapper.coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
          throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
          return true;
        }
        if (!acceptsJson(request)) {
          ApiErrors.write(response, json, HttpStatus.NOT_ACCEPTABLE, ApiErrors.NOT_ACCEPTABLE);
          return false;
        }
        boolean takesBody = Arrays.stream(method.getMethodParameters())
            .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
        if (takesBody && !isJson(request.getContentType())) {
          ApiErrors.write(response, json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiErrors.NOT_JSON);
          return false;
        }
        return true;
      }
    }).addPathPatterns("/api/**");
  }

  static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      boolean json = type.getType().equals("application")
          && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
      return json && (type.getCharset() == null || type.getCharset().name().equals("UTF-8"));
    } catch (InvalidMediaTypeException | java.nio.charset.UnsupportedCharsetException
             | java.nio.charset.IllegalCharsetNameException e) {
      return false;
    }
  }

  private static boolean acceptsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return true;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /** 404 and 405 under {@code /api/} answer in the API's shape; other paths keep Spring's answers. */
  @Bean
  HandlerExceptionResolver apiRouteErrors() {
    return new RouteErrors(json);
  }

  private record RouteErrors(ObjectMapper json) implements HandlerExceptionResolver, Ordered {
    private static final Set<String> API = Set.of("/api", "/api/");

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (!path.startsWith("/api/") && !API.contains(path)) {
        return null;
      }
      try {
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
          ApiErrors.write(response, json, HttpStatus.NOT_FOUND, "no such resource: " + request.getMethod() + " "
              + (path.length() > 200 ? path.substring(0, 200) + "…" : path));
          return new ModelAndView();
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
          if (method.getSupportedHttpMethods() != null && !method.getSupportedHttpMethods().isEmpty()) {
            response.setHeader("Allow", String.join(", ",
                method.getSupportedHttpMethods().stream().map(Object::toString).toList()));
          }
          ApiErrors.write(response, json, HttpStatus.METHOD_NOT_ALLOWED, "method " + request.getMethod()
              + " is not allowed here");
          return new ModelAndView();
        }
      } catch (java.io.IOException written) {
        return null;
      }
      return null;
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE + 1;
    }
  }
}
