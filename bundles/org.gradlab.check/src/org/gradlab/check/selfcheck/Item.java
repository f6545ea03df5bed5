package org.gradlab.check.selfcheck;

/**
 * One aspect of one student class ("forward", "backward", "numeric gradient", "state", "step"…)
 * over all the cases that tried it: the outcome, how many cases failed of how many ran, and for a
 * failure the first failing case's message (case, tensor, worst element) and the mistake it looks like.
 */
public record Item(String aspect, Outcome outcome, int failed, int total, String detail, String diagnosis) {
}
