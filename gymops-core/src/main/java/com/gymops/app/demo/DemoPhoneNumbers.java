package com.gymops.app.demo;

/**
 * US mobile numbers in the 555 exchange, spread over real area codes.
 *
 * <p>The 555 exchange is not assigned to subscribers (555-01xx is reserved for fiction, the rest
 * for directory and information services), so a demo club wired by mistake to a real SMS provider
 * texts no stranger; yet libphonenumber accepts these numbers as valid for region US, so they pass
 * the CSV import. 555-1212 (directory assistance) is left out.
 *
 * <p>The i-th member gets the i-th number of a fixed permutation, so numbers are unique for up to
 * {@link #CAPACITY} members and never repeat between runs with the same seed.
 */
final class DemoPhoneNumbers {
  /** Area codes that libphonenumber's US metadata accepts; checked in the tests. */
  private static final int[] AREA_CODES = {
    201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225,
    228, 229, 231, 234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270, 276, 281,
    301, 302, 303, 304, 305, 307, 308, 309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321,
    323, 325, 330, 334, 336, 337, 339, 347, 351, 352, 360, 361, 386, 401, 402, 404, 405, 406, 407,
    408, 409, 410, 412, 413, 414, 415, 417, 419, 423, 425, 430, 432, 434, 435, 440, 443, 469, 478,
    479, 480, 484, 501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515, 516, 517, 518, 520,
    530, 540, 541, 551, 559, 561, 562, 563, 567, 570, 571, 573, 574, 575, 580, 585, 586, 601, 602,
    603, 605, 606, 607, 608, 609, 610, 612, 614, 615, 616, 617, 618, 619, 620, 623, 626, 630, 631,
    636, 641, 646, 650, 651, 660, 661, 662, 678, 682, 701, 702, 703, 704, 706, 707, 708, 712, 713,
    714, 715, 716, 717, 718, 719, 720, 724, 727, 731, 732, 734, 740, 754, 757, 760, 763, 765, 769,
    770, 772, 773, 774, 775, 781, 785, 786, 801, 802, 803, 804, 805, 806, 808, 810, 812, 813, 814,
    815, 816, 817, 818, 828, 830, 831, 832, 843, 845, 847, 848, 850, 856, 857, 858, 859, 860, 862,
    863, 864, 865, 870, 901, 903, 904, 907, 908, 909, 910, 912, 913, 914, 915, 916, 917, 918, 919,
    920, 925, 928, 931, 936, 937, 940, 941, 947, 949, 951, 952, 954, 956, 970, 971, 972, 973, 978,
    979, 980, 985, 989
  };

  private static final int FIRST_LINE = 100;
  private static final int DIRECTORY_ASSISTANCE = 1212;

  /** Lines 0100-9999 without 1212. */
  private static final int LINES_PER_AREA_CODE = 10_000 - FIRST_LINE - 1;

  static final long CAPACITY = (long) AREA_CODES.length * LINES_PER_AREA_CODE;

  /**
   * A prime that shares no factor with {@link #CAPACITY}, so stepping by it visits every number
   * once; a large step scatters neighbouring members over area codes and lines.
   */
  private static final long STRIDE = 1_000_003L;

  private final long offset;

  /**
   * @param offset where in the permutation member 1 starts; drawn from the seed
   */
  DemoPhoneNumbers(long offset) {
    this.offset = Math.floorMod(offset, CAPACITY);
  }

  /** The E.164 number of the member with this 1-based index. */
  String numberFor(int memberIndex) {
    long slot = Math.floorMod(offset + STRIDE * memberIndex, CAPACITY);
    int areaCode = AREA_CODES[(int) (slot % AREA_CODES.length)];
    int line = FIRST_LINE + (int) (slot / AREA_CODES.length);
    if (line >= DIRECTORY_ASSISTANCE) {
      line++;
    }
    return "+1" + areaCode + "555" + (line < 1000 ? "0" : "") + line;
  }
}
