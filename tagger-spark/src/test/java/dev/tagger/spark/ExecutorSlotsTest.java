package dev.tagger.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The task slots of an executor, from the conf, else the cluster manager's default. */
class ExecutorSlotsTest {
  static int slots(String master, String... settings) {
    SparkConf conf = new SparkConf(false).set("spark.master", master);
    for (int i = 0; i < settings.length; i += 2) {
      conf.set(settings[i], settings[i + 1]);
    }
    return ExecutorSlots.of(conf, 16);
  }

  @Test
  void slotsFollowTheConfThenTheClusterManagersDefault() {
    assertThat(slots("local[2]")).isEqualTo(2);
    assertThat(slots("local[*]")).isEqualTo(16);
    assertThat(slots("local[3,2]")).isEqualTo(3);
    assertThat(slots("local")).isEqualTo(1);
    assertThat(slots("spark://head:7077")).isEqualTo(16); // standalone: every core of the worker
    assertThat(slots("yarn")).isEqualTo(1);
    assertThat(slots("k8s://https://api:6443")).isEqualTo(1);
    assertThat(slots("yarn", "spark.executor.cores", "8", "spark.task.cpus", "2")).isEqualTo(4);
    assertThat(slots("spark://head:7077", "spark.executor.cores", "4")).isEqualTo(4);
  }
}
