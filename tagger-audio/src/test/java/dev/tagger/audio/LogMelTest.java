package dev.tagger.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The front end against values computed here independently, straight from the definitions in the
 * models README: explicit reflect padding, a naive DFT in double precision, and the Kaldi triangles
 * evaluated per bin.
 */
class LogMelTest {
  static final int SR = 32_000;

  static float[] signal(int n) {
    Random random = new Random(3);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      double t = i / (double) SR;
      x[i] = (float) (0.4 * Math.sin(2 * Math.PI * 440 * t) + 0.2 * Math.sin(2 * Math.PI * 3000 * t) + 0.05 * random.nextGaussian());
    }
    return x;
  }

  /** Frame t's 128 features, from the definitions. */
  static double[] reference(float[] x, int t) {
    int len = x.length - 1;
    double[] y = new double[len];
    for (int i = 0; i < len; i++) {
      y[i] = x[i + 1] - 0.97 * x[i];
    }
    double[] padded = new double[len + 1024];
    for (int i = 0; i < padded.length; i++) {
      int j = i - 512;
      while (j < 0 || j >= len) {
        j = j < 0 ? -j : 2 * (len - 1) - j;
      }
      padded[i] = y[j];
    }
    double[] frame = new double[1024];
    for (int i = 0; i < 800; i++) {
      double hann = 0.5 * (1 - Math.cos(2 * Math.PI * i / 799));
      frame[112 + i] = padded[t * 320 + 112 + i] * hann;
    }
    double[] power = new double[513];
    for (int k = 0; k <= 512; k++) {
      double re = 0;
      double im = 0;
      for (int n = 0; n < 1024; n++) {
        re += frame[n] * Math.cos(2 * Math.PI * k * n / 1024);
        im -= frame[n] * Math.sin(2 * Math.PI * k * n / 1024);
      }
      power[k] = re * re + im * im;
    }
    double melLow = 0;
    double melHigh = 1127 * Math.log(1 + 15000 / 700.0);
    double step = (melHigh - melLow) / 129;
    double[] out = new double[128];
    for (int m = 0; m < 128; m++) {
      double sum = 0;
      for (int k = 0; k < 512; k++) { // Kaldi's banks cover 512 bins; the Nyquist bin weighs 0
        double mel = 1127 * Math.log(1 + k * 31.25 / 700);
        double left = melLow + m * step;
        double weight = mel <= left || mel >= left + 2 * step ? 0 : mel <= left + step ? (mel - left) / step : (left + 2 * step - mel) / step;
        sum += weight * power[k];
      }
      out[m] = (Math.log(sum + 1e-5) + 4.5) / 5;
    }
    return out;
  }

  @Test
  void featuresMatchAnIndependentComputationFromTheDefinitions() {
    float[] x = signal(SR); // 1 s
    float[][] mel = new LogMel().compute(x, x.length);
    assertThat(mel).hasNumberOfRows(128);
    assertThat(mel[0]).hasSize(1 + (x.length - 1) / 320);
    for (int t : new int[] {0, 1, 50, mel[0].length - 1}) {
      double[] ref = reference(x, t);
      for (int m = 0; m < 128; m++) {
        assertThat((double) mel[m][t]).as("frame %d, mel %d", t, m).isCloseTo(ref[m], within(1e-3));
      }
    }
  }

  @Test
  void aToneLightsTheMelBandsAroundItsFrequencyAndSilenceIsTheFloor() {
    float[] tone = new float[SR];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / SR));
    }
    float[][] mel = new LogMel().compute(tone, tone.length);
    int best = 0;
    for (int m = 1; m < 128; m++) {
      if (mel[m][50] > mel[best][50]) {
        best = m;
      }
    }
    double step = LogMel.mel(15000) / 129;
    double centre = (best + 1) * step;
    assertThat(Math.abs(centre - LogMel.mel(1000))).isLessThan(step);

    float[][] silent = new LogMel().compute(new float[SR], SR);
    assertThat((double) silent[40][10]).isCloseTo((Math.log(1e-5) + 4.5) / 5, within(1e-6));
  }

  @Test
  void reflectPaddingMirrorsWithoutRepeatingTheEdge() {
    assertThat(LogMel.reflect(-1, 5)).isEqualTo(1);
    assertThat(LogMel.reflect(-2, 5)).isEqualTo(2);
    assertThat(LogMel.reflect(5, 5)).isEqualTo(3);
    assertThat(LogMel.reflect(2, 5)).isEqualTo(2);
  }
}
