package org.onewindow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakVerdictsTest {
    private static final Measurement.Latency STEADY = new Measurement.Latency(20, 80, 120);

    /** Windows of a minute at 100 decl/s offered, delivering {@code delivered[i]}/s with {@code heapMb[i]} live. */
    private static List<SoakWindow> windows(double[] delivered, double[] heapMb) {
        List<SoakWindow> windows = new ArrayList<>();
        for (int i = 0; i < delivered.length; i++) {
            windows.add(new SoakWindow(i + 1, 60.0 * i, 60.0 * (i + 1), 6000, (int) (delivered[i] * 60), 0, 100,
                    delivered[i], STEADY, 1.0, 0.1, new Footprint(heapMb[i], 100, 500, 50_000)));
        }
        return windows;
    }

    @Test
    void aSteadyRunMeetsTheTarget() {
        SoakVerdicts v = SoakVerdicts.of(windows(new double[] {95, 100, 101, 99, 100, 100},
                new double[] {150, 200, 201, 199, 200, 201}), STEADY, STEADY, 0, 0);
        assertThat(v.met()).isTrue();
        assertThat(v.throughputFlat()).isTrue();
        assertThat(v.heapFlat()).isTrue();
        assertThat(v.heapSlopeMbPer10Minutes()).isCloseTo(1.0, within(1.0));
    }

    @Test
    void theFirstWindowMayLagButNoLaterOne() {
        double[] heap = {200, 200, 200, 200, 200, 200};
        assertThat(SoakVerdicts.of(windows(new double[] {70, 100, 100, 100, 100, 100}, heap), STEADY, STEADY, 0, 0)
                .throughputFlat()).isTrue();
        SoakVerdicts lagging = SoakVerdicts.of(windows(new double[] {100, 100, 100, 100, 88, 100}, heap), STEADY, STEADY, 0, 0);
        assertThat(lagging.throughputFlat()).isFalse();
        assertThat(lagging.worstWindowDeviation()).isCloseTo(0.12, within(1e-9));
        assertThat(lagging.met()).isFalse();
    }

    @Test
    void aHeapGrowingTenMbAMinuteIsNotFlatAndItsSlopeSaysSo() {
        SoakVerdicts v = SoakVerdicts.of(windows(new double[] {100, 100, 100, 100, 100, 100},
                new double[] {200, 210, 220, 230, 240, 250}), STEADY, STEADY, 0, 0);
        assertThat(v.heapSlopeMbPer10Minutes()).isCloseTo(100, within(1e-6));
        assertThat(v.heapFlat()).isFalse();
        assertThat(v.heapLastToFirst()).isCloseTo(250.0 / 220.0, within(1e-9));
    }

    @Test
    void aP99RisingPastOneAndAHalfTimesDrifts() {
        double[] rates = {100, 100, 100, 100, 100, 100};
        double[] heap = {200, 200, 200, 200, 200, 200};
        assertThat(SoakVerdicts.of(windows(rates, heap), STEADY, new Measurement.Latency(20, 120, 200), 0, 0)
                .latencySteady()).isTrue();
        SoakVerdicts drifting = SoakVerdicts.of(windows(rates, heap), STEADY, new Measurement.Latency(30, 121, 300), 0, 0);
        assertThat(drifting.latencySteady()).isFalse();
        assertThat(drifting.met()).isFalse();
    }

    @Test
    void aLostOrSecondNx5106FailsTheRun() {
        double[] rates = {100, 100, 100, 100};
        double[] heap = {200, 200, 200, 200};
        assertThat(SoakVerdicts.of(windows(rates, heap), STEADY, STEADY, 1, 0).met()).isFalse();
        assertThat(SoakVerdicts.of(windows(rates, heap), STEADY, STEADY, 0, 1).complete()).isFalse();
        assertThat(SoakVerdicts.of(windows(rates, heap), STEADY, STEADY, 0, 0).met()).isTrue();
    }
}
