package dev.tagger;

/**
 * Asked by a batch before it starts each item, on the thread that will run it: it may wait (a pause, a run
 * window outside which nothing is analyzed) and then let the item start, or answer false, after which the
 * batch starts no more items: those running finish, the rest stay unstarted
 * ({@link BatchSummary#notStarted()}) and get no result. Must be thread-safe; an exception it throws is
 * logged and counts as false.
 */
@FunctionalInterface
public interface Admission {
  Admission ALWAYS = next -> true;

  boolean admit(Media next);
}
