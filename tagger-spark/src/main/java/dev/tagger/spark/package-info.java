/**
 * Tagging a library on Apache Spark: {@link dev.tagger.spark.SparkTagJob} takes a list of media and tags it with
 * {@code mapPartitions}, one {@link dev.tagger.Tagger} per executor JVM made by an {@link dev.tagger.spark.ExecutorSetup}
 * (models loaded once per executor), writing the CLI's JSON Lines (and, if asked, Parquet); a re-run skips what the
 * output already holds, and partitions are balanced by cost. Spark itself is the cluster's ({@code provided}).
 * Depends on {@code tagger-api} only; the CLI ({@code samples}) supplies the setup that wires its engine.
 */
@NullMarked
package dev.tagger.spark;

import org.jspecify.annotations.NullMarked;
