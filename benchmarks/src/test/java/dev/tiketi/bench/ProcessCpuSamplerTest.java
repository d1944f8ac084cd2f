package dev.tiketi.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessCpuSamplerTest {

    @TempDir
    Path dataDirectory;

    @Test
    void compilerThreadsAreKnownByHotSpotsNamesAsTheKernelCutsThem() {
        assertThat(ProcessCpuSampler.compilerThread("C2 CompilerThre")).isTrue();
        assertThat(ProcessCpuSampler.compilerThread("C1 CompilerThre")).isTrue();
        assertThat(ProcessCpuSampler.compilerThread("reactor-http-ep")).isFalse();
        assertThat(ProcessCpuSampler.compilerThread("VM Thread")).isFalse();
    }

    @Test
    void aThreadNotYetNamedOrGoneIsNotDecidedSoItIsReadAgain() {
        // a thread the JVM has just started still carries its process's name
        assertThat(ProcessCpuSampler.compilerThread("java")).isNull();
        assertThat(ProcessCpuSampler.compilerThread("")).isNull();
    }

    @Test
    void readsThisJvmsCpuAndThePartItsCompilerThreadsSpent() throws InterruptedException {
        assumeTrue(ProcessCpuSampler.available(), "no /proc here");
        List<ProcessCpuSampler.Sample> samples;
        try (ProcessCpuSampler sampler = new ProcessCpuSampler(Set.of(), dataDirectory)) {
            long deadline = System.nanoTime() + 1_500_000_000L;
            long work = 0;
            while (System.nanoTime() < deadline) {
                work += Long.toString(work).hashCode();
            }
            assertThat(work).isNotZero();
            samples = sampler.samples();
        }

        // the test's own JVM is the runner's group; it has spent CPU, some of it in its JIT compilers, never more
        ProcessCpuSampler.Sample last = samples.getLast();
        double cpu = last.cpuSeconds().get(ProcessCpuSampler.RUNNER);
        double compiling = last.compilerCpuSeconds().get(ProcessCpuSampler.RUNNER);
        assertThat(cpu).isGreaterThan(1.0);
        assertThat(compiling).isPositive().isLessThan(cpu);
    }
}
