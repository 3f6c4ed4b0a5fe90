package dev.tagger.audio;

/**
 * The log-mel front end of the EfficientAT AudioSet models, as their source states: 32 kHz mono;
 * pre-emphasis {@code y[n] = x[n+1] - 0.97 x[n]}; STFT with a 1024-point FFT, hop 320, a symmetric Hann
 * window of 800 zero-padded to 1024 and centred (offset 112), frames centred with reflect padding of 512;
 * power spectrum; 128 Kaldi mel banks over 0..15000 Hz with {@code mel(f) = 1127 ln(1 + f/700)};
 * {@code (ln(mel + 1e-5) + 4.5) / 5}. Output is [128][T], T = 1 + (n - 1) / 320 for n input samples.
 * Immutable and thread-safe.
 */
public final class LogMel {
  public static final int SAMPLE_RATE = 32_000;
  public static final int N_FFT = 1024;
  public static final int HOP = 320;
  public static final int WINDOW = 800;
  public static final int MELS = 128;
  static final double F_MIN = 0;
  static final double F_MAX = 15_000;

  private final double[] window = new double[N_FFT];
  /** [mel][fft bin 0..512]; the Nyquist bin's weight is 0, as in the reference. */
  private final double[][] banks = melBanks();
  /** Per bank, the first FFT bin of its triangle and one past its last: the weights outside are 0. */
  private final int[] from = new int[MELS];
  private final int[] to = new int[MELS];
  private final double[] cos = new double[N_FFT / 2];
  private final double[] sin = new double[N_FFT / 2];

  public LogMel() {
    for (int m = 0; m < MELS; m++) {
      int lo = 0;
      while (lo < banks[m].length && banks[m][lo] == 0) {
        lo++;
      }
      int hi = banks[m].length;
      while (hi > lo && banks[m][hi - 1] == 0) {
        hi--;
      }
      from[m] = lo;
      to[m] = hi;
    }
    int offset = (N_FFT - WINDOW) / 2;
    for (int i = 0; i < WINDOW; i++) {
      window[offset + i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (WINDOW - 1));
    }
    for (int i = 0; i < N_FFT / 2; i++) {
      cos[i] = Math.cos(-2 * Math.PI * i / N_FFT);
      sin[i] = Math.sin(-2 * Math.PI * i / N_FFT);
    }
  }

  static double mel(double hz) {
    return 1127.0 * Math.log(1 + hz / 700.0);
  }

  /** Kaldi's triangular banks, equally spaced on the mel scale, over the FFT's first 512 bins. */
  static double[][] melBanks() {
    double[][] banks = new double[MELS][N_FFT / 2 + 1];
    double low = mel(F_MIN);
    double delta = (mel(F_MAX) - low) / (MELS + 1);
    for (int m = 0; m < MELS; m++) {
      double left = low + m * delta;
      double centre = left + delta;
      double right = centre + delta;
      for (int k = 0; k < N_FFT / 2; k++) {
        double mk = mel(k * (double) SAMPLE_RATE / N_FFT);
        double up = (mk - left) / (centre - left);
        double down = (right - mk) / (right - centre);
        banks[m][k] = Math.max(0, Math.min(up, down));
      }
    }
    return banks;
  }

  /** The features of {@code n} samples at 32 kHz: [128][frames], frames = 1 + (n - 1) / 320; n must be at least 2. */
  public float[][] compute(float[] samples, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 samples, got " + n);
    }
    int len = n - 1;
    double[] emphasised = new double[len];
    for (int i = 0; i < len; i++) {
      emphasised[i] = samples[i + 1] - 0.97 * samples[i];
    }
    int frames = 1 + len / HOP;
    float[][] out = new float[MELS][frames];
    double[] re = new double[N_FFT];
    double[] im = new double[N_FFT];
    double[] power = new double[N_FFT / 2 + 1];
    for (int t = 0; t < frames; t++) {
      int start = t * HOP - N_FFT / 2;
      boolean inside = start >= 0 && start + N_FFT <= len;
      for (int i = 0; i < N_FFT; i++) {
        re[i] = emphasised[inside ? start + i : reflect(start + i, len)] * window[i];
        im[i] = 0;
      }
      fft(re, im);
      for (int k = 0; k <= N_FFT / 2; k++) {
        power[k] = re[k] * re[k] + im[k] * im[k];
      }
      for (int m = 0; m < MELS; m++) {
        double sum = 0;
        double[] bank = banks[m];
        for (int k = from[m]; k < to[m]; k++) { // a triangle covers a few bins; the product elsewhere is 0
          sum += bank[k] * power[k];
        }
        out[m][t] = (float) ((Math.log(sum + 1e-5) + 4.5) / 5.0);
      }
    }
    return out;
  }

  /** numpy/torch "reflect" padding: index -1 is element 1, index len is element len - 2. */
  static int reflect(int i, int len) {
    if (len == 1) {
      return 0;
    }
    int period = 2 * (len - 1);
    int j = Math.floorMod(i, period);
    return j < len ? j : period - j;
  }

  /** In-place iterative radix-2 FFT of length {@value #N_FFT}. */
  private void fft(double[] re, double[] im) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double tr = re[i];
        re[i] = re[j];
        re[j] = tr;
        double ti = im[i];
        im[i] = im[j];
        im[j] = ti;
      }
    }
    for (int size = 2; size <= n; size <<= 1) {
      int half = size / 2;
      int step = n / size;
      for (int i = 0; i < n; i += size) {
        for (int k = 0; k < half; k++) {
          double wr = cos[k * step];
          double wi = sin[k * step];
          double xr = re[i + k + half] * wr - im[i + k + half] * wi;
          double xi = re[i + k + half] * wi + im[i + k + half] * wr;
          re[i + k + half] = re[i + k] - xr;
          im[i + k + half] = im[i + k] - xi;
          re[i + k] += xr;
          im[i + k] += xi;
        }
      }
    }
  }
}
