package com.gymops.application.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (BouncyCastle), stored in the PHC string format so the cost can be
 * raised later without breaking stored hashes: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}.
 * The default cost is OWASP's minimum recommendation (19 MiB, two passes). Thread-safe.
 */
public final class Argon2idPasswords {
  public static final Argon2idPasswords OWASP = new Argon2idPasswords(19_456, 2, 1);

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final SecureRandom random = new SecureRandom();

  public Argon2idPasswords(int memoryKib, int iterations, int parallelism) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
        .formatted(
            memoryKib, iterations, parallelism, B64.encodeToString(salt), B64.encodeToString(hash));
  }

  /** Whether {@code password} matches {@code stored}; false for a malformed stored hash. */
  public boolean matches(char[] password, String stored) {
    Matcher phc = PHC.matcher(stored);
    if (!phc.matches()) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(phc.group(4));
    byte[] expected = Base64.getDecoder().decode(phc.group(5));
    byte[] actual =
        derive(
            password,
            salt,
            Integer.parseInt(phc.group(1)),
            Integer.parseInt(phc.group(2)),
            Integer.parseInt(phc.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(
      char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build());
    byte[] out = new byte[length];
    generator.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
