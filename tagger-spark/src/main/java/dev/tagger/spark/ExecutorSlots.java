package dev.tagger.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

/**
 * How many tasks an executor runs at once, for a setup that sizes its engine to them (a worker process a task, say).
 * It is {@code spark.executor.cores / spark.task.cpus} when the conf sets the cores; else what the cluster manager's
 * default is: the {@code N} of {@code local[N]} (every processor for {@code local[*]}), every processor of the
 * machine on a standalone cluster, and one on YARN and Kubernetes.
 */
public final class ExecutorSlots {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

  private ExecutorSlots() {}

  /** The task slots of this JVM's executor, from its {@link SparkEnv}; one outside Spark. */
  public static int here() {
    SparkEnv env = SparkEnv.get();
    return env == null ? 1 : of(env.conf(), Runtime.getRuntime().availableProcessors());
  }

  static int of(SparkConf conf, int processors) {
    int taskCpus = Math.max(1, conf.getInt("spark.task.cpus", 1));
    if (conf.contains("spark.executor.cores")) {
      return Math.max(1, conf.getInt("spark.executor.cores", 1) / taskCpus);
    }
    String master = conf.get("spark.master", "local[*]");
    Matcher local = LOCAL.matcher(master);
    int cores;
    if (local.matches()) {
      cores = local.group(1) == null ? 1 : local.group(1).equals("*") ? processors : Integer.parseInt(local.group(1));
    } else if (master.startsWith("spark://")) {
      cores = processors;
    } else {
      cores = 1;
    }
    return Math.max(1, cores / taskCpus);
  }
}
