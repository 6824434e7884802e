package com.gymops.policy;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {variable}} placeholders in message bodies. Anything between braces is a variable
 * name, so a typo such as {@code {frist_name}} fails loudly instead of reaching a member as literal
 * text.
 */
public final class TemplateRenderer {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

  private final Set<String> knownVariables;

  public TemplateRenderer(Set<String> knownVariables) {
    this.knownVariables = Collections.unmodifiableSet(new TreeSet<>(knownVariables));
  }

  public Set<String> knownVariables() {
    return knownVariables;
  }

  /** The variables {@code body} uses, in order of first use. */
  public static Set<String> variablesIn(String body) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(body);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * Checks that {@code body} uses only known variables.
   *
   * @throws IllegalArgumentException naming the template and the first unknown variable
   */
  public void validate(String templateKey, String body) {
    for (String name : variablesIn(body)) {
      if (!knownVariables.contains(name)) {
        throw new IllegalArgumentException(
            "template '"
                + templateKey
                + "' uses unknown variable {"
                + name
                + "}; known variables are "
                + knownVariables);
      }
    }
  }

  /**
   * Substitutes every placeholder of {@code body}.
   *
   * @throws IllegalArgumentException naming the template and the variable when the body uses an
   *     unknown variable or one that {@code values} does not give
   */
  public String render(String templateKey, String body, Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    // One pass: the body is scanned for unknown variables only when a value is missing (a run
    // renders thousands of texts from a few templates, each already validated when loaded).
    Matcher matcher = PLACEHOLDER.matcher(body);
    StringBuilder text = new StringBuilder(body.length() + 32);
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      if (value == null || !knownVariables.contains(name)) {
        validate(templateKey, body);
        throw new IllegalArgumentException(
            "template '" + templateKey + "' needs variable {" + name + "}, which was not given");
      }
      matcher.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(text);
    return text.toString();
  }
}
