package dev.followthrough.calendar;

import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code followthrough.calendar} as shipped: {@code application.yaml}, under the test profile's
 * {@code application-test.yaml} (its company holidays), bound the way Spring Boot binds it.
 */
public final class ShippedCalendarConfiguration {

  private ShippedCalendarConfiguration() {}

  public static CalendarProperties load() {
    try {
      MutablePropertySources sources = new MutablePropertySources();
      YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
      for (String file : List.of("application-test.yaml", "application.yaml")) {
        for (PropertySource<?> source : yaml.load(file, new ClassPathResource(file))) {
          sources.addLast(source);
        }
      }
      return new Binder(ConfigurationPropertySources.from(sources)).bind("followthrough.calendar", CalendarProperties.class)
          .get();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
