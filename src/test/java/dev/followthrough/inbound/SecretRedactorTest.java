package dev.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.followthrough.inbound.SecretRedactor.Redaction;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R18: secrets in a customer's reply are redacted before anything is stored — the secret goes, the
 * kind is reported, the words around it stay; ordinary support text is left exactly as it was.
 */
class SecretRedactorTest {

  private static final String PEM_KEY = "-----BEGIN RSA PRIVATE KEY-----\n"
      + "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
      + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
      + "LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo\n"
      + "-----END RSA PRIVATE KEY-----";
  private static final String OPENSSH_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\r\n"
      + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\r\n"
      + "QyNTUxOQAAACDvZ2Nkb2VzbXlrZXlsb29rbGlrZWFrZXlub3RyZWFsbHkAAAAAAAAAAAAA\r\n"
      + "-----END OPENSSH PRIVATE KEY-----";
  private static final String CUT_KEY = "-----BEGIN PRIVATE KEY-----\n"
      + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n"
      + "MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n";
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFsZXgifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  private static final String GITHUB = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
  private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  // ---------------------------------------------------------------------------------------------
  // Secrets

  static Stream<Arguments> secrets() {
    return Stream.of(
        // passwords with a label
        secret("password: hunter2 (the admin one)", "hunter2", "password", "password:", "(the admin one)"),
        secret("Password = Tr0ub4dor&3 for the test system", "Tr0ub4dor&3", "password", "Password =", "for the test system"),
        secret("passwd=geheim123", "geheim123", "password", "passwd="),
        secret("Password=Start#2026;Server=db01;Database=erp", "Start#2026", "password", "Password=", ";Server=db01;Database=erp"),
        secret("Use pwd: Sommer2026! to log in", "Sommer2026!", "password", "Use pwd:", "to log in"),
        secret("user alex, pass: qwerty99, thanks", "qwerty99", "password", "user alex, pass:", ", thanks"),
        secret("Das Passwort: Geheim#42 bitte nicht weitergeben", "Geheim#42", "password", "Das Passwort:", "bitte nicht weitergeben"),
        secret("Le mot de passe : azerty123 est temporaire", "azerty123", "password", "Le mot de passe :", "est temporaire"),
        secret("spring.datasource.password=S3cr3t!\nspring.datasource.username=app", "S3cr3t!", "password",
            "spring.datasource.password=", "spring.datasource.username=app"),
        secret("export DB_PASSWORD=hunter2x && ./start.sh", "hunter2x", "password", "export DB_PASSWORD=", "&& ./start.sh"),
        secret("{\"user\": \"app\", \"password\": \"p@ss w0rd\"}", "p@ss w0rd", "password", "\"password\": \"", "\"user\": \"app\""),
        secret("<password>Kennwort2026</password> in config.xml", "Kennwort2026", "password", "<password>", "</password> in config.xml"),
        // passwords in a sentence
        secret("Hi Sam, my password is hunter2 if you need it.", "hunter2", "password", "Hi Sam, my password is", "if you need it."),
        secret("The password for the admin account is Summer2024! - please be careful", "Summer2024", "password",
            "The password for the admin account is", "please be careful"),
        secret("Das Passwort lautet Fr\u00fchling2026, viele Gr\u00fc\u00dfe", "Fr\u00fchling2026", "password", "Das Passwort lautet", "viele Gr\u00fc\u00dfe"),
        secret("The password is \"correct horse battery staple\".", "correct horse battery staple", "password", "The password is"),
        secret("curl -u admin:Adm1nPass https://api.customer.example/health", "Adm1nPass", "password", "curl -u admin:",
            "https://api.customer.example/health"),
        secret("CREATE USER report IDENTIFIED BY 'R3port!2026';", "R3port!2026", "password", "CREATE USER report IDENTIFIED BY"),
        // connection strings
        secret("jdbc:sqlserver://db.customer.example:1433;databaseName=erp;user=sa;password=Sa-2026-pw;encrypt=true", "Sa-2026-pw",
            "connection string password", "jdbc:sqlserver://db.customer.example:1433;databaseName=erp;user=sa;", "encrypt=true"),
        secret("jdbc:mysql://db:3306/shop?user=shop&password=sh0pSecret&useSSL=true", "sh0pSecret", "connection string password",
            "jdbc:mysql://db:3306/shop?user=shop&", "&useSSL=true"),
        secret("Server=tcp:sql.customer.example,1433;User Id=erp;Password=Erp!Pass42;Encrypt=True;", "Erp!Pass42",
            "connection string password", "Server=tcp:sql.customer.example,1433;User Id=erp;", "Encrypt=True;"),
        secret("DATABASE_URL=postgres://app:s3cr3t@db:5432/followthrough", "s3cr3t", "connection string password",
            "DATABASE_URL=postgres://app:", "@db:5432/followthrough"),
        secret("we connect with mongodb+srv://u:p@cluster0.mongodb.net/test today", ":p@", "connection string password",
            "we connect with mongodb+srv://u:", "@cluster0.mongodb.net/test today"),
        secret("jdbc:oracle:thin:scott/tiger@//ora.customer.example:1521/ORCL", "tiger", "connection string password",
            "jdbc:oracle:thin:scott/", "@//ora.customer.example:1521/ORCL"),
        secret("Driver={ODBC Driver 18};Server=x;Uid=sa;Pwd={a;b=c};", "a;b=c", "connection string password", "Driver={ODBC Driver 18}"),
        // cloud keys
        secret("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\nregion = eu-central-1", "AKIAIOSFODNN7EXAMPLE", "AWS access key",
            "aws_access_key_id =", "region = eu-central-1"),
        secret("aws_secret_access_key = " + AWS_SECRET + "\n[default]", AWS_SECRET, "AWS secret key", "aws_secret_access_key =", "[default]"),
        secret("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu"
                + "Fq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net",
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu", "storage account key", "AccountName=acme;",
            "EndpointSuffix=core.windows.net"),
        secret("Endpoint=sb://bus.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=k3yBase64Value+abc=",
            "k3yBase64Value", "shared access key", "SharedAccessKeyName=Root;"),
        secret("https://acme.blob.core.windows.net/logs/app.log?sv=2022-11-02&ss=b&sp=r&sig=abc%2Bdef123XYZ%3D now",
            "abc%2Bdef123XYZ", "shared access signature", "https://acme.blob.core.windows.net/logs/app.log?sv=2022-11-02&ss=b&sp=r&", " now"),
        secret("BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2022&sig=Zm9vYmFy123",
            "Zm9vYmFy123", "shared access signature", "BlobEndpoint=https://acme.blob.core.windows.net/;"),
        // tokens
        secret("token from GitHub: " + GITHUB + " (classic)", GITHUB, "GitHub token", "token from GitHub:", "(classic)"),
        secret("GITHUB_TOKEN=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789", "github_pat_11ABCDEFG",
            "GitHub token", "GITHUB_TOKEN="),
        secret("the bot uses xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx in prod", "xoxb-123456789012",
            "Slack token", "the bot uses", "in prod"),
        secret("api_key: 9f8e7d6c5b4a39281706f5e4d3c2b1a0\nendpoint: https://api.example.com", "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            "API key", "api_key:", "endpoint: https://api.example.com"),
        secret("X-Api-Key: Zx81kLmP02qRsT9u", "Zx81kLmP02qRsT9u", "API key", "X-Api-Key:"),
        secret("client_secret=q8W~rT5.yU7_iO9pAs2dF4gH6 and client_id=1234", "q8W~rT5.yU7_iO9pAs2dF4gH6", "client secret",
            "client_secret=", "and client_id=1234"),
        secret("access_token = 'a1b2c3d4e5f6g7h8i9'", "a1b2c3d4e5f6g7h8i9", "token", "access_token = '"),
        secret("my API key is 4b7c9d1e2f3a5b6c7d8e9f0a, sorry", "4b7c9d1e2f3a5b6c7d8e9f0a", "API key", "my API key is", ", sorry"),
        secret("curl -H 'Authorization: Bearer abc.def-ghi_123456789' https://api", "abc.def-ghi_123456789", "bearer token",
            "curl -H 'Authorization: Bearer", "https://api"),
        secret("Authorization: Basic YWRtaW46c2VjcmV0UGFzcw==\nAccept: */*", "YWRtaW46c2VjcmV0UGFzcw==", "basic credentials",
            "Authorization: Basic", "Accept: */*"),
        secret("Authorization: Bearer " + JWT, JWT, "bearer token", "Authorization: Bearer"),
        secret("the cookie held " + JWT + " when it failed", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "JWT", "the cookie held",
            "when it failed"),
        secret("Slack hook https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX broke",
            "T00000000/B00000000", "Slack webhook", "Slack hook https://hooks.slack.com/", "broke"),
        // private keys
        secret("Here is the key:\n" + PEM_KEY + "\nThanks, Alex", "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
            "private key", "Here is the key:", "Thanks, Alex"),
        secret("key:\r\n" + OPENSSH_KEY + "\r\nregards", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
            "private key", "key:", "regards"),
        secret("The mail cut it off:\n" + CUT_KEY + "\nCan you help?", "MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu",
            "private key", "The mail cut it off:", "Can you help?"));
  }

  @ParameterizedTest(name = "[{0}] hides {2}")
  @MethodSource("secrets")
  void redactsTheSecretAndKeepsTheWordsAround(String text, String secretPart, String kind, List<String> surviving) {
    Redaction redaction = SecretRedactor.redact(text);

    assertThat(redaction.text()).doesNotContain(secretPart).contains("[redacted " + kind + "]");
    assertThat(redaction.kinds()).contains(kind).noneMatch(found -> found.contains(secretPart));
    assertThat(redaction.foundSecrets()).isTrue();
    surviving.forEach(words -> assertThat(redaction.text()).contains(words));
  }

  // ---------------------------------------------------------------------------------------------
  // Ordinary text

  static Stream<String> ordinaryText() {
    return Stream.of(
        "I reset the password yesterday and it works again.",
        "The password policy requires 12 characters.",
        "The token expired at 10:15, so the export stopped.",
        "The password is too short, the portal says.",
        "The password is case-sensitive.",
        "Passwords must be rotated every 90 days.",
        "Please open https://portal.customer.example/cases/42?tab=logs&page=2 to see the logs.",
        "Write to alex.berger@customer.example or call +49 30 1234567.",
        "2026-11-30T10:15:00Z INFO request 3f1e2d4c-9b8a-4c7d-8e6f-1a2b3c4d5e6f completed in 231 ms",
        "Exception in thread \"main\" java.lang.IllegalStateException: token must not be null\n"
            + "\tat dev.customer.export.Job.run(Job.java:42)\n\tat java.base/java.lang.Thread.run(Thread.java:833)",
        "org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"app\"",
        "java.sql.SQLException: Access denied for user 'app'@'10.0.0.1' (using password: YES)",
        "Set password=${DB_PASSWORD} in application.yml and api_key: <your key> in the agent.",
        "Password: ********",
        "cat /etc/passwd: No such file or directory",
        "We use Basic authentication and a Bearer token from the IdP.",
        "Authorization: Bearer <token>",
        "The connection string is postgres://app@db:5432/x (no password in it).",
        "The API key rotation is scheduled for Friday; the secret is patience.",
        "Our PasswordEncoder bean and TokenStore class are configured as before.",
        "Version 3.10.2 fixed it; build a1b2c3d at https://ci.example.com/job/42.",
        "token: expired");
  }

  @ParameterizedTest(name = "[{0}] stays")
  @MethodSource("ordinaryText")
  void leavesOrdinaryTextAlone(String text) {
    Redaction redaction = SecretRedactor.redact(text);

    assertThat(redaction.text()).isEqualTo(text);
    assertThat(redaction.kinds()).isEmpty();
    assertThat(redaction.foundSecrets()).isFalse();
  }

  // ---------------------------------------------------------------------------------------------
  // As a whole

  @ParameterizedTest(name = "[{0}] redacted twice is redacted once")
  @MethodSource("secrets")
  void isIdempotent(String text) {
    Redaction once = SecretRedactor.redact(text);
    Redaction twice = SecretRedactor.redact(once.text());

    assertThat(twice.text()).isEqualTo(once.text());
    assertThat(twice.kinds()).isEmpty();
  }

  @Test
  void reportsEachKindOnceAndNeverTheSecret() {
    String text = "password: hunter2\nPassword=Other99\nAKIAIOSFODNN7EXAMPLE and postgres://app:s3cr3t@db/x";
    Redaction redaction = SecretRedactor.redact(text);

    assertThat(redaction.kinds()).containsExactlyInAnyOrder("password", "AWS access key", "connection string password");
    assertThat(redaction.text()).isEqualTo(
        "password: [redacted password]\nPassword=[redacted password]\n[redacted AWS access key] and "
            + "postgres://app:[redacted connection string password]@db/x");
  }

  @Test
  void aWholeReplyKeepsItsShape() {
    String reply = "Hi Sam,\n\nthe export still fails. Here is our config:\n\n"
        + "spring.datasource.url=jdbc:postgresql://db:5432/erp?user=erp&password=Erp2026!\n"
        + "export.api-token=tok_9f8e7d6c5b4a3928\n\n"
        + "I reset the password yesterday, the token expired again though.\n\nBest,\nAlex";
    Redaction redaction = SecretRedactor.redact(reply);

    assertThat(redaction.text()).isEqualTo("Hi Sam,\n\nthe export still fails. Here is our config:\n\n"
        + "spring.datasource.url=jdbc:postgresql://db:5432/erp?user=erp&password=[redacted connection string password]\n"
        + "export.api-token=[redacted API key]\n\n"
        + "I reset the password yesterday, the token expired again though.\n\nBest,\nAlex");
    assertThat(redaction.kinds()).containsExactly("connection string password", "API key");
  }

  @ParameterizedTest(name = "a long run of [{0}] neither overflows the stack nor takes long")
  @MethodSource("pathologicalRuns")
  void copesWithLongPathologicalText(String unit) {
    String text = unit.repeat(50_000);
    Redaction redaction = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SecretRedactor.redact(text));
    assertThat(redaction.text()).isEqualTo(text);
  }

  static Stream<String> pathologicalRuns() {
    return Stream.of("a.", "a-", "a_", "a;", "a&", "a=", "a:", "a/", "a@", "1.", "eyJ.", "x://");
  }

  @Test
  void nullAndEmptyTextHaveNothingToRedact() {
    assertThat(SecretRedactor.redact(null)).isEqualTo(new Redaction(null, List.of()));
    assertThat(SecretRedactor.redact("")).isEqualTo(new Redaction("", List.of()));
  }

  private static Arguments secret(String text, String secretPart, String kind, String... surviving) {
    return Arguments.of(text, secretPart, kind, List.of(surviving));
  }
}
