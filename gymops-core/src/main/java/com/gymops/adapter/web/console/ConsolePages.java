package com.gymops.adapter.web.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the console's jte templates. They were compiled to Java by the build (the jte Maven
 * plugin), so no template compiler runs here. Thread-safe.
 */
final class ConsolePages {
  private static final String TEMPLATES_PACKAGE = "com.gymops.adapter.web.console.templates";

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, ConsolePages.class.getClassLoader(), TEMPLATES_PACKAGE);

  String render(String template, Map<String, Object> params) {
    StringOutput output = new StringOutput();
    engine.render(template + ".jte", params, output);
    return output.toString();
  }
}
