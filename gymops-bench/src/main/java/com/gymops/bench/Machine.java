package com.gymops.bench;

import java.lang.management.ManagementFactory;

/** The machine and JVM a bench ran on: figures mean little without them. */
public record Machine(
    int cores, long physicalMemoryMb, long maxHeapMb, String jvm, String javaVersion, String os) {
  static Machine current() {
    long physical = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      physical = os.getTotalMemorySize() / (1024 * 1024);
    }
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        physical,
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"));
  }
}
