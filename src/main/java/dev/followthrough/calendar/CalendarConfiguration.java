package dev.followthrough.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarConfiguration {

  @Bean
  BusinessCalendar businessCalendar(CalendarProperties properties) {
    return properties.toCalendar();
  }
}
