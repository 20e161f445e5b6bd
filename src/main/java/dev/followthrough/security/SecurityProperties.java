package dev.followthrough.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code followthrough.security.*}. The API asks for credentials unless {@code api-open} is set,
 * which only the local profile does.
 */
@ConfigurationProperties("followthrough.security")
public record SecurityProperties(@DefaultValue("false") boolean apiOpen) {}
