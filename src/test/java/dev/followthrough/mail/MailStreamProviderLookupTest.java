package dev.followthrough.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

class MailStreamProviderLookupTest {

  /** An operator's own provider: a valid one, since other tests' mail may run in this JVM meanwhile. */
  public static final class OperatorsProvider extends MailStreamProvider {}

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(MailStreamProviderLookup.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(MailStreamProviderLookup.PROPERTY);
    } else {
      System.setProperty(MailStreamProviderLookup.PROPERTY, before);
    }
  }

  @Test
  void jakartaMailFindsAngusByName_insteadOfScanningTheJars() {
    System.clearProperty(MailStreamProviderLookup.PROPERTY);

    MailStreamProviderLookup.nameTheProvider();

    assertThat(System.getProperty(MailStreamProviderLookup.PROPERTY)).isEqualTo(MailStreamProvider.class.getName());
    assertThat(StreamProvider.provider()).isExactlyInstanceOf(MailStreamProvider.class);
  }

  @Test
  void anOperatorsOwnSettingIsLeftAlone() {
    System.setProperty(MailStreamProviderLookup.PROPERTY, OperatorsProvider.class.getName());

    MailStreamProviderLookup.nameTheProvider();

    assertThat(System.getProperty(MailStreamProviderLookup.PROPERTY)).isEqualTo(OperatorsProvider.class.getName());
    assertThat(StreamProvider.provider()).isExactlyInstanceOf(OperatorsProvider.class);
  }

  @Test
  void runsBeforeTheApplicationStarts() throws IOException {
    String postProcessors = PropertiesLoaderUtils.loadProperties(new ClassPathResource("META-INF/spring.factories"))
        .getProperty(EnvironmentPostProcessor.class.getName());
    assertThat(postProcessors.split(",")).extracting(String::strip).contains(MailStreamProviderLookup.class.getName());
  }
}
