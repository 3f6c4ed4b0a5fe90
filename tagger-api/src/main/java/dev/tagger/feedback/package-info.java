/**
 * Learning from people: their corrections ({@link dev.tagger.feedback.Feedback}) kept durably in a
 * {@link dev.tagger.feedback.FeedbackStore}, and applied to every later run by a
 * {@link dev.tagger.feedback.FeedbackPolicy}: rejections stick, acceptances stay, renames apply, and each
 * label's acceptance is re-estimated from what people said ({@link dev.tagger.feedback.LabelLearning}).
 */
@NullMarked
package dev.tagger.feedback;

import org.jspecify.annotations.NullMarked;
