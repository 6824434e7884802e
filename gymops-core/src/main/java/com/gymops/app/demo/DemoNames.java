package com.gymops.app.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Built-in first and last names, mixed across the backgrounds a US club's members come from.
 * Accents and apostrophes are kept on purpose: CSV import, SMS texts and notes must cope with them.
 */
final class DemoNames {
  private static final List<String> FIRST_NAMES =
      List.of(
          "James",
          "Mary",
          "Michael",
          "Patricia",
          "Robert",
          "Jennifer",
          "David",
          "Linda",
          "William",
          "Elizabeth",
          "Chris",
          "Jessica",
          "Daniel",
          "Sarah",
          "Matthew",
          "Ashley",
          "Anthony",
          "Emily",
          "Tyrone",
          "Keisha",
          "Jamal",
          "Aaliyah",
          "DeShawn",
          "Imani",
          "José",
          "María",
          "Luis",
          "Sofía",
          "Carlos",
          "Camila",
          "Diego",
          "Valentina",
          "Alejandro",
          "Lucía",
          "Wei",
          "Mei",
          "Hiroshi",
          "Yuki",
          "Minh",
          "Linh",
          "Ji-woo",
          "Seo-yeon",
          "Priya",
          "Arjun",
          "Ananya",
          "Rohan",
          "Fatima",
          "Omar",
          "Layla",
          "Ahmed",
          "Noor",
          "Dmitri",
          "Olga",
          "Zoë",
          "Siobhan",
          "Liam",
          "Chloé",
          "Kwame",
          "Amara",
          "Tomás",
          "Ingrid",
          "Kai");

  private static final List<String> LAST_NAMES =
      List.of(
          "Smith",
          "Johnson",
          "Williams",
          "Brown",
          "Jones",
          "Miller",
          "Davis",
          "Wilson",
          "Anderson",
          "Taylor",
          "Thomas",
          "Moore",
          "Jackson",
          "Martin",
          "Lee",
          "Thompson",
          "White",
          "Harris",
          "Robinson",
          "Washington",
          "García",
          "Rodríguez",
          "Martínez",
          "Hernández",
          "López",
          "González",
          "Pérez",
          "Sánchez",
          "Ramírez",
          "Núñez",
          "Nguyen",
          "Tran",
          "Kim",
          "Park",
          "Chen",
          "Wang",
          "Li",
          "Zhang",
          "Tanaka",
          "Sato",
          "Patel",
          "Shah",
          "Singh",
          "Gupta",
          "Khan",
          "Ali",
          "Haddad",
          "Al-Sayed",
          "Cohen",
          "Kowalski",
          "Novak",
          "Ivanov",
          "Müller",
          "O'Brien",
          "O'Connor",
          "Murphy",
          "Okafor",
          "Mensah",
          "Silva",
          "Rossi",
          "Andersen",
          "Dubois");

  private static final List<String> FIRST_SLUGS = slugs(FIRST_NAMES);
  private static final List<String> LAST_SLUGS = slugs(LAST_NAMES);

  private DemoNames() {}

  /** A drawn name with the ASCII e-mail local part that belongs to it ({@code jose.garcia}). */
  record Name(String first, String last, String emailLocalPart) {}

  static Name draw(SplittableRandom random) {
    int first = random.nextInt(FIRST_NAMES.size());
    int last = random.nextInt(LAST_NAMES.size());
    return new Name(
        FIRST_NAMES.get(first),
        LAST_NAMES.get(last),
        FIRST_SLUGS.get(first) + "." + LAST_SLUGS.get(last));
  }

  /** Plain lowercase ASCII, so generated addresses are valid without quoting: José → jose. */
  private static List<String> slugs(List<String> names) {
    return names.stream()
        .map(name -> Normalizer.normalize(name, Normalizer.Form.NFD))
        .map(name -> name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""))
        .toList();
  }
}
