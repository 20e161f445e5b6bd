package dev.followthrough.mail;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Names Jakarta Mail's stream provider once, for the whole JVM, before any email is built or read.
 *
 * <p>Jakarta Mail 2.1 looks its {@code StreamProvider} up again for every MIME part, multipart
 * and encoded header it creates, and without a name it scans every jar's
 * {@code META-INF/services} with a {@code ServiceLoader} each time (jakartaee/mail-api issues 699
 * and 861; cached only from 2.2 on). In a burst of due emails that scan was 13 % of the job
 * threads' CPU, and more than half of the embedded mail server's, which parses what it receives
 * with the same library. The API's first look-up step is the system property
 * {@code jakarta.mail.util.StreamProvider}; set to Angus Mail's provider (the one the scan finds,
 * the only implementation on the class path), each look-up is a class already loaded and a
 * constructor call. An operator's own setting of the property is left alone.
 */
public final class MailStreamProviderLookup implements EnvironmentPostProcessor {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    nameTheProvider();
  }

  static void nameTheProvider() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, MailStreamProvider.class.getName());
    }
  }
}
