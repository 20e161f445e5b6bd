package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.followthrough.calendar.PublicHolidays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The open-case form offers time zones, countries and regions as choices, never free text
 * ("Europe/Berlln" cannot be chosen): the IANA zones Java knows, the countries the holiday library
 * has a calendar for, and, once a country is chosen, that country's regions as the holiday library
 * names them (a FEEL {@code valuesExpression} keyed by the country; hidden for a country without
 * regions). Tasklist loads no variables for a start form, so the choices are written into the form
 * itself; this test fails when they are stale and writes them afresh with
 * {@code -Dforms.write=true}.
 */
class OpenCaseFormChoicesTest {

  static final Path OPEN_CASE = FormsTest.FORMS.resolve("open-case.form");

  /** Zones of places ("Europe/Berlin"), and UTC; not the legacy aliases ("CET", "US/Pacific", "Etc/GMT+5"). */
  private static final Pattern PLACE_ZONE =
      Pattern.compile("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/+-]+");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theOpenCaseFormOffersTheZonesCountriesAndRegionsThatExist() throws Exception {
    String written = Files.readString(OPEN_CASE);
    String generated = withChoices(written);
    if (Boolean.getBoolean("forms.write")) {
      Files.writeString(OPEN_CASE, generated);
      written = generated;
    }
    assertThat(written).as("forms/open-case.form is stale: run this test with -Dforms.write=true").isEqualTo(generated);
  }

  @Test
  void aMistypedZone_anUnknownCountry_orARegionOfAnotherCountry_isNotAmongTheChoices() throws Exception {
    JsonNode form = JSON.readTree(OPEN_CASE.toFile());
    assertThat(values(component(form, "customerTimeZone"))).contains("Europe/Berlin", "America/Chicago", "UTC")
        .doesNotContain("Europe/Berlln", "CET", "US/Pacific");
    assertThat(values(component(form, "customerCountry"))).contains("DE", "US", "GB", "JP").doesNotContain("XX", "de");
    String regions = component(form, "customerRegion").path("valuesExpression").asText();
    assertThat(regions).contains("\"DE\": [").contains("value: \"by\"");
    for (String country : values(component(form, "customerCountry"))) {
      for (String region : regionsOf(country).keySet()) {
        assertThat(PublicHolidays.isKnownRegion(country, region)).as(country + "/" + region).isTrue();
      }
    }
  }

  // ------------------------------------------------------------------ the choices

  static List<String> zones() {
    return ZoneId.getAvailableZoneIds().stream().filter(zone -> PLACE_ZONE.matcher(zone).matches() || zone.equals("UTC"))
        .sorted().toList();
  }

  static List<String> countries() {
    return HolidayManager.getSupportedCalendarCodes().stream().filter(code -> code.matches("[A-Za-z]{2}"))
        .map(code -> code.toUpperCase(Locale.ROOT)).filter(PublicHolidays::isKnownCountry).distinct()
        .sorted(Comparator.comparing(OpenCaseFormChoicesTest::countryName)).toList();
  }

  static String countryName(String code) {
    return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
  }

  /**
   * The country's regions, by the holiday library's code, named in English; only those the server
   * accepts ({@link PublicHolidays#isKnownRegion}: a few upper-case codes, e.g. CD's "KC", it does not).
   */
  static Map<String, String> regionsOf(String country) {
    CalendarHierarchy hierarchy = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)))
        .getCalendarHierarchy();
    return hierarchy.getChildren().entrySet().stream()
        .filter(entry -> PublicHolidays.isKnownRegion(country, entry.getKey()))
        .sorted(Map.Entry.comparingByValue(Comparator.comparing(region -> region.getDescription(Locale.ENGLISH))))
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getDescription(Locale.ENGLISH),
            (a, b) -> a, LinkedHashMap::new));
  }

  // ------------------------------------------------------------------ writing them into the form

  static String withChoices(String form) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(form);
    ArrayNode components = (ArrayNode) root.get("components");

    ObjectNode zone = component(root, "customerTimeZone");
    asSearchableSelect(zone, "The customer's time zone: type to search, e.g. Berlin or Chicago. Emails and closing "
        + "happen only in the customer's business hours.", 6);
    ArrayNode zoneValues = zone.putArray("values");
    zones().forEach(id -> zoneValues.addObject().put("label", id.replace('_', ' ')).put("value", id));

    ObjectNode country = component(root, "customerCountry");
    asSearchableSelect(country, "Selects the public holidays the follow-ups skip.", 5);
    ArrayNode countryValues = country.putArray("values");
    countries().forEach(code -> countryValues.addObject().put("label", countryName(code) + " (" + code + ")").put("value", code));

    ObjectNode region = component(root, "customerRegion");
    if (region == null) {
      region = JSON.createObjectNode();
      for (int i = 0; i < components.size(); i++) {
        if ("customerCountry".equals(components.get(i).path("key").asText())) {
          components.insert(i + 1, region);
          break;
        }
      }
    }
    Map<String, Map<String, String>> regions = new LinkedHashMap<>();
    for (String code : countries()) {
      Map<String, String> ofCountry = regionsOf(code);
      if (!ofCountry.isEmpty()) {
        regions.put(code, ofCountry);
      }
    }
    region.removeAll();
    region.put("type", "select");
    region.put("id", "Field_customerRegion");
    region.put("key", "customerRegion");
    region.put("label", "Region");
    region.put("description", "Where public holidays differ within the country. Leave empty for the country's usual region.");
    region.put("searchable", true);
    region.put("valuesExpression", "=get value({" + regions.entrySet().stream()
        .map(entry -> "\"" + entry.getKey() + "\": [" + entry.getValue().entrySet().stream()
            .map(r -> "{label: \"" + r.getValue().replace("\"", "'") + "\", value: \"" + r.getKey() + "\"}")
            .collect(Collectors.joining(", ")) + "]")
        .collect(Collectors.joining(", ")) + "}, customerCountry)");
    region.putObject("conditional").put("hide", "=not(list contains([" + regions.keySet().stream()
        .map(code -> "\"" + code + "\"").collect(Collectors.joining(", ")) + "], customerCountry))");
    ObjectNode layout = region.putObject("layout");
    layout.put("row", country.path("layout").path("row").asText());
    layout.put("columns", 5);

    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    return JSON.writer(printer).writeValueAsString(root) + "\n";
  }

  private static void asSearchableSelect(ObjectNode field, String description, int columns) {
    ((ObjectNode) field.get("layout")).put("columns", columns);
    field.put("type", "select");
    field.put("searchable", true);
    field.put("description", description);
    ObjectNode validate = field.putObject("validate");
    validate.put("required", true);
  }

  static ObjectNode component(JsonNode form, String key) {
    for (JsonNode component : form.get("components")) {
      if (key.equals(component.path("key").asText())) {
        return (ObjectNode) component;
      }
    }
    return null;
  }

  private static List<String> values(JsonNode select) {
    return select.findValuesAsText("value");
  }
}
