package org.perfjunit.model;

/**
 * The machine and JVM a result was measured on. {@link EnvironmentKey} derives the folder name
 * under which baselines are kept; {@link MachineSignature} decides whether two environments are
 * comparable, so numbers from different machines are never judged against each other.
 *
 * @param os            operating system name
 * @param osVersion     operating system version
 * @param arch          CPU architecture
 * @param cpuModel      CPU model name
 * @param logicalCores  available processors
 * @param jvmMajor      JVM feature version
 * @param jvmVendor     JVM vendor
 * @param jvmVersion    full JVM version
 * @param gc            garbage collector names, comma separated
 * @param maxHeapBytes  maximum heap size
 * @param gitCommit     commit of the code under test, or null
 * @param hostname      host name, or null
 * @param cpu           the processor's identity beyond its model name, or null (files written before it existed)
 */
public record Environment(String os, String osVersion, String arch, String cpuModel, int logicalCores, int jvmMajor,
                          String jvmVendor, String jvmVersion, String gc, long maxHeapBytes, String gitCommit,
                          String hostname, CpuIdentity cpu) {
}
