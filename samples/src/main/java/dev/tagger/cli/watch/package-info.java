/**
 * What the long-running workers ({@code tagger watch FOLDER} and {@code tagger stash watch}) share: run
 * windows, pause and a clean stop ({@link WatchControl}), the status file ({@link WatchStatus}), low CPU and
 * IO priority and a core limit ({@link CpuLimits}).
 */
@NullMarked
package dev.tagger.cli.watch;

import org.jspecify.annotations.NullMarked;
