package dev.followthrough.holidays;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /holidays.html}: process owners check and correct each country's days off, in every profile. */
@Configuration(proxyBeanMethods = false)
class HolidaysPage implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/holidays.html").addResourceLocations("classpath:/holidays/");
  }
}
