package dev.followthrough.mail;

import java.util.List;
import java.util.Objects;

/**
 * What the customer (or whoever opened the case for them) wrote: the case title, the problem
 * description, names, replies. It is data: a draft may quote it however it looks, including
 * {@code ${db.url}}, {@code #set(...)} or {@code [[...]]}, and {@link DraftRules} does not take such
 * text for a placeholder left over from a template.
 */
public record CustomerText(List<String> texts) {

  public static final CustomerText NONE = new CustomerText(List.of());

  public CustomerText {
    texts = texts.stream().filter(Objects::nonNull).filter(text -> !text.isEmpty()).toList();
  }

  public static CustomerText of(String... texts) {
    return new CustomerText(java.util.Arrays.asList(texts));
  }

  /** True when the customer wrote {@code fragment} somewhere, exactly so. */
  public boolean contains(String fragment) {
    return texts.stream().anyMatch(text -> text.contains(fragment));
  }
}
